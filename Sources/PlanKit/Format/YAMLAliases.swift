import CYaml

/// Finds anchors and aliases in YAML text with libyaml's event parser (the C library inside Yams, whose
/// module comes with the Yams package), without building any nodes: composing a document of nested
/// aliases is itself exponential (Yams hashes mapping keys, aliases included, to find duplicates), so
/// they must be found before it.
enum YAMLAliases {
    /// Where the first anchor (`&name`) or alias (`*name`) is, 1-based; nil when there is none, or when
    /// the text does not parse before one (composing it then reports the syntax error).
    static func first(in yaml: String) -> (line: Int, column: Int)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(yaml.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> (line: Int, column: Int)? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let anchored: Bool
                switch event.type {
                case YAML_ALIAS_EVENT: anchored = true
                case YAML_SCALAR_EVENT: anchored = event.data.scalar.anchor != nil
                case YAML_SEQUENCE_START_EVENT: anchored = event.data.sequence_start.anchor != nil
                case YAML_MAPPING_START_EVENT: anchored = event.data.mapping_start.anchor != nil
                case YAML_STREAM_END_EVENT, YAML_NO_EVENT: return nil
                default: anchored = false
                }
                if anchored { return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1) }
            }
        }
    }
}
