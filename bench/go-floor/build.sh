#!/usr/bin/env bash
# Builds the Go floor provider (main.go) into bench/go-floor/build/terraform-provider-go, offline,
# from Debian's Go packages in GOPATH mode: the Go module proxy is not needed (nor reachable here).
#   apt-get install -y golang-go protobuf-compiler protoc-gen-go protoc-gen-go-grpc \
#     golang-google-grpc-dev golang-google-protobuf-dev golang-github-golang-protobuf-1-5-dev \
#     golang-github-hashicorp-go-plugin-dev
# The gRPC stubs are generated from the project's own tfplugin6.proto into build/ (never committed).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/build"
gocode=/usr/share/gocode/src

missing=()
for cmd in go protoc protoc-gen-go protoc-gen-go-grpc; do
  command -v "$cmd" >/dev/null || missing+=("$cmd")
done
for pkg in github.com/hashicorp/go-plugin google.golang.org/grpc google.golang.org/protobuf \
  github.com/golang/protobuf github.com/hashicorp/go-hclog; do
  [ -d "$gocode/$pkg" ] || missing+=("$gocode/$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "go-floor: missing ${missing[*]}; install the Debian packages listed at the top of $0" >&2
  exit 1
fi

gopath="$out/gopath"
gen="$gopath/src/gofloor/tfplugin6"
pkg="$gopath/src/gofloor/provider"
rm -rf "$gopath"
mkdir -p "$gen" "$pkg"

# The proto has no go_package option: M maps the file to the stubs' import path.
protoc -I "$root/provider/protocol/proto" \
  --go_out="$gen" --go_opt=paths=source_relative --go_opt=Mtfplugin6.proto=gofloor/tfplugin6 \
  --go-grpc_out="$gen" --go-grpc_opt=paths=source_relative --go-grpc_opt=Mtfplugin6.proto=gofloor/tfplugin6 \
  tfplugin6.proto

# The provider's schema is the echo fixture's (embedded; go:embed reads only the package's own dir).
cp "$here"/*.go "$pkg/"
cp "$root/test/provider/protocol/fixtures/echo-schema.json" "$pkg/"

cd "$pkg"
GO111MODULE=off GOPROXY=off GOFLAGS= GOPATH="$gopath:/usr/share/gocode" \
  go build -o "$out/terraform-provider-go" .
echo "$out/terraform-provider-go"
