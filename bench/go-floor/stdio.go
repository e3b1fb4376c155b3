package main

// plugin.GRPCStdio, which go-plugin 1.0.1 (Debian's) predates: terraform opens this stream on each
// provider process and the Node providers hold it open (server.ts), so the floor does the same
// rather than answering UNIMPLEMENTED. Registered by hand (no generated stubs): go-plugin already
// registers its own plugin.Empty message type, and an empty message is empty on the wire anyway.

import (
	"google.golang.org/grpc"
	"google.golang.org/protobuf/types/known/emptypb"
)

var stdioService = grpc.ServiceDesc{
	ServiceName: "plugin.GRPCStdio",
	HandlerType: (*interface{})(nil),
	Streams: []grpc.StreamDesc{{
		StreamName:    "StreamStdio",
		ServerStreams: true,
		// Nothing is ever written to it: the stream stays open until terraform (or Shutdown) ends it.
		Handler: func(_ interface{}, stream grpc.ServerStream) error {
			if err := stream.RecvMsg(&emptypb.Empty{}); err != nil {
				return err
			}
			<-stream.Context().Done()
			return nil
		},
	}},
	Metadata: "go-plugin.proto",
}
