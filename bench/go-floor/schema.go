package main

// The provider schema, read from the echo fixture's schema (terraform's `providers schema -json`
// form, embedded at build time) so the Go floor's resource has exactly flink_echo's shape.

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"

	pb "gofloor/tfplugin6"
)

//go:embed echo-schema.json
var echoSchemaJSON []byte

type attributeJSON struct {
	Type            json.RawMessage `json:"type"`
	NestedType      *objectJSON     `json:"nested_type"`
	Description     string          `json:"description"`
	DescriptionKind string          `json:"description_kind"`
	Required        bool            `json:"required"`
	Optional        bool            `json:"optional"`
	Computed        bool            `json:"computed"`
	Sensitive       bool            `json:"sensitive"`
	Deprecated      bool            `json:"deprecated"`
}

type objectJSON struct {
	Attributes  map[string]attributeJSON `json:"attributes"`
	NestingMode string                   `json:"nesting_mode"`
}

type blockJSON struct {
	Attributes      map[string]attributeJSON `json:"attributes"`
	BlockTypes      map[string]nestedJSON    `json:"block_types"`
	Description     string                   `json:"description"`
	DescriptionKind string                   `json:"description_kind"`
	Deprecated      bool                     `json:"deprecated"`
}

type nestedJSON struct {
	NestingMode string    `json:"nesting_mode"`
	Block       blockJSON `json:"block"`
	MinItems    int64     `json:"min_items"`
	MaxItems    int64     `json:"max_items"`
}

type schemaJSON struct {
	Version int64     `json:"version"`
	Block   blockJSON `json:"block"`
}

type providerSchemaJSON struct {
	Provider        schemaJSON            `json:"provider"`
	ResourceSchemas map[string]schemaJSON `json:"resource_schemas"`
}

func kind(k string) pb.StringKind {
	if k == "markdown" {
		return pb.StringKind_MARKDOWN
	}
	return pb.StringKind_PLAIN
}

// Sorted names: the same order as the Node provider sends (schema-to-proto.ts).
func sortedKeys[T any](m map[string]T) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

var objectNesting = map[string]pb.Schema_Object_NestingMode{
	"single": pb.Schema_Object_SINGLE, "list": pb.Schema_Object_LIST,
	"set": pb.Schema_Object_SET, "map": pb.Schema_Object_MAP,
}

var blockNesting = map[string]pb.Schema_NestedBlock_NestingMode{
	"single": pb.Schema_NestedBlock_SINGLE, "list": pb.Schema_NestedBlock_LIST,
	"set": pb.Schema_NestedBlock_SET, "map": pb.Schema_NestedBlock_MAP,
	"group": pb.Schema_NestedBlock_GROUP,
}

func attributesToProto(attrs map[string]attributeJSON) ([]*pb.Schema_Attribute, error) {
	out := []*pb.Schema_Attribute{}
	for _, name := range sortedKeys(attrs) {
		a := attrs[name]
		p := &pb.Schema_Attribute{
			Name: name, Description: a.Description, DescriptionKind: kind(a.DescriptionKind),
			Required: a.Required, Optional: a.Optional, Computed: a.Computed,
			Sensitive: a.Sensitive, Deprecated: a.Deprecated,
		}
		switch {
		case a.NestedType != nil:
			mode, ok := objectNesting[a.NestedType.NestingMode]
			if !ok {
				return nil, fmt.Errorf("attribute %q: unknown nesting_mode %q", name, a.NestedType.NestingMode)
			}
			nested, err := attributesToProto(a.NestedType.Attributes)
			if err != nil {
				return nil, err
			}
			p.NestedType = &pb.Schema_Object{Attributes: nested, Nesting: mode}
		case a.Type != nil:
			p.Type = a.Type // the cty type's JSON form, as the protocol wants it
		default:
			return nil, fmt.Errorf("attribute %q has neither type nor nested_type", name)
		}
		out = append(out, p)
	}
	return out, nil
}

func blockToProto(b blockJSON, version int64) (*pb.Schema_Block, error) {
	attrs, err := attributesToProto(b.Attributes)
	if err != nil {
		return nil, err
	}
	out := &pb.Schema_Block{
		Version: version, Attributes: attrs, Description: b.Description,
		DescriptionKind: kind(b.DescriptionKind), Deprecated: b.Deprecated,
	}
	for _, name := range sortedKeys(b.BlockTypes) {
		nb := b.BlockTypes[name]
		mode, ok := blockNesting[nb.NestingMode]
		if !ok {
			return nil, fmt.Errorf("block %q: unknown nesting_mode %q", name, nb.NestingMode)
		}
		inner, err := blockToProto(nb.Block, 0)
		if err != nil {
			return nil, err
		}
		out.BlockTypes = append(out.BlockTypes, &pb.Schema_NestedBlock{
			TypeName: name, Block: inner, Nesting: mode, MinItems: nb.MinItems, MaxItems: nb.MaxItems,
		})
	}
	return out, nil
}

func schemaToProto(s schemaJSON) (*pb.Schema, error) {
	block, err := blockToProto(s.Block, s.Version)
	if err != nil {
		return nil, err
	}
	return &pb.Schema{Version: s.Version, Block: block}, nil
}

// loadSchema builds the GetProviderSchema response: the echo provider's configuration block and
// its flink_echo resource under the name resourceType (no data sources).
func loadSchema(resourceType string) (*pb.GetProviderSchema_Response, error) {
	var js providerSchemaJSON
	if err := json.Unmarshal(echoSchemaJSON, &js); err != nil {
		return nil, fmt.Errorf("echo-schema.json: %w", err)
	}
	echo, ok := js.ResourceSchemas["flink_echo"]
	if !ok {
		return nil, fmt.Errorf("echo-schema.json has no flink_echo resource")
	}
	provider, err := schemaToProto(js.Provider)
	if err != nil {
		return nil, err
	}
	resource, err := schemaToProto(echo)
	if err != nil {
		return nil, fmt.Errorf("flink_echo: %w", err)
	}
	return &pb.GetProviderSchema_Response{
		Provider:           provider,
		ResourceSchemas:    map[string]*pb.Schema{resourceType: resource},
		DataSourceSchemas:  map[string]*pb.Schema{},
		ServerCapabilities: capabilities,
	}, nil
}
