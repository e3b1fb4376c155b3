// A no-op Terraform provider (plugin protocol 6) in Go, for bench/provider-plan.mjs: the honest
// floor for any external plugin provider, driven by the same terraform as the Node providers.
// Its one resource, go_floor, has the echo fixture's flink_echo schema; every handler passes its
// input through without decoding it, so the measured cost is terraform's plugin round trips plus
// go-plugin/grpc-go, nothing of a provider's own. Built by build.sh (Debian's Go packages, offline).
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/hashicorp/go-hclog"
	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"

	pb "gofloor/tfplugin6"
)

const resourceType = "go_floor"

// Like the Node providers (schema-to-proto.ts): terraform asks only the first provider process of
// a command for the schema, and plans destroys through PlanResourceChange.
var capabilities = &pb.ServerCapabilities{PlanDestroy: true, GetProviderSchemaOptional: true}

type provider struct {
	// Data sources, import and move answer UNIMPLEMENTED: a plan of go_floor resources needs none.
	pb.UnimplementedProviderServer
	schema *pb.GetProviderSchema_Response
}

func (p *provider) GetMetadata(context.Context, *pb.GetMetadata_Request) (*pb.GetMetadata_Response, error) {
	return &pb.GetMetadata_Response{
		ServerCapabilities: capabilities,
		Resources:          []*pb.GetMetadata_ResourceMetadata{{TypeName: resourceType}},
	}, nil
}

func (p *provider) GetProviderSchema(context.Context, *pb.GetProviderSchema_Request) (*pb.GetProviderSchema_Response, error) {
	return p.schema, nil
}

func (p *provider) ValidateProviderConfig(context.Context, *pb.ValidateProviderConfig_Request) (*pb.ValidateProviderConfig_Response, error) {
	return &pb.ValidateProviderConfig_Response{}, nil
}

func (p *provider) ConfigureProvider(context.Context, *pb.ConfigureProvider_Request) (*pb.ConfigureProvider_Response, error) {
	return &pb.ConfigureProvider_Response{}, nil
}

func (p *provider) ValidateResourceConfig(context.Context, *pb.ValidateResourceConfig_Request) (*pb.ValidateResourceConfig_Response, error) {
	return &pb.ValidateResourceConfig_Response{}, nil
}

// The stored JSON goes back as a JSON dynamic value: terraform decodes either encoding.
func (p *provider) UpgradeResourceState(_ context.Context, req *pb.UpgradeResourceState_Request) (*pb.UpgradeResourceState_Response, error) {
	return &pb.UpgradeResourceState_Response{
		UpgradedState: &pb.DynamicValue{Json: req.GetRawState().GetJson()},
	}, nil
}

func (p *provider) ReadResource(_ context.Context, req *pb.ReadResource_Request) (*pb.ReadResource_Response, error) {
	return &pb.ReadResource_Response{NewState: req.CurrentState, Private: req.Private}, nil
}

func (p *provider) PlanResourceChange(_ context.Context, req *pb.PlanResourceChange_Request) (*pb.PlanResourceChange_Response, error) {
	return &pb.PlanResourceChange_Response{PlannedState: req.ProposedNewState, PlannedPrivate: req.PriorPrivate}, nil
}

func (p *provider) ApplyResourceChange(_ context.Context, req *pb.ApplyResourceChange_Request) (*pb.ApplyResourceChange_Response, error) {
	return &pb.ApplyResourceChange_Response{NewState: req.PlannedState, Private: req.PlannedPrivate}, nil
}

func (p *provider) StopProvider(context.Context, *pb.StopProvider_Request) (*pb.StopProvider_Response, error) {
	return &pb.StopProvider_Response{}, nil
}

// providerPlugin registers the Provider service on go-plugin's gRPC server (net/rpc is not offered).
type providerPlugin struct {
	plugin.NetRPCUnsupportedPlugin
	server *provider
}

func (pp *providerPlugin) GRPCServer(_ *plugin.GRPCBroker, s *grpc.Server) error {
	pb.RegisterProviderServer(s, pp.server)
	s.RegisterService(&stdioService, struct{}{})
	return nil
}

func (pp *providerPlugin) GRPCClient(context.Context, *plugin.GRPCBroker, *grpc.ClientConn) (interface{}, error) {
	return nil, fmt.Errorf("go_floor is a server only")
}

func main() {
	schema, err := loadSchema(resourceType)
	if err != nil {
		fmt.Fprintf(os.Stderr, "go-floor: %v\n", err)
		os.Exit(1)
	}
	plugin.Serve(&plugin.ServeConfig{
		// terraform's handshake: its magic cookie, protocol 6 over gRPC. AutoMTLS needs no setting
		// here: go-plugin answers the PLUGIN_CLIENT_CERT terraform passes with its own certificate.
		HandshakeConfig: plugin.HandshakeConfig{
			ProtocolVersion:  6,
			MagicCookieKey:   "TF_PLUGIN_MAGIC_COOKIE",
			MagicCookieValue: "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2",
		},
		VersionedPlugins: map[int]plugin.PluginSet{
			6: {"provider": &providerPlugin{server: &provider{schema: schema}}},
		},
		GRPCServer: plugin.DefaultGRPCServer,
		// go-plugin's default logs at trace level; a real provider logs only what TF_LOG asks for.
		Logger: hclog.New(&hclog.LoggerOptions{Level: hclog.Warn, Output: os.Stderr, JSONFormat: true}),
	})
}
