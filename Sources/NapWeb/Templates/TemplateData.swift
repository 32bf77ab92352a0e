import Mustache

/// A view as the template engine reads it fastest: each struct reflected once into a dictionary (the
/// engine's own lookup reflects the whole struct again for every `{{name}}`, which made reflection most
/// of a site's build time). Arrays become arrays of such dictionaries; a nil optional leaves its key out
/// (so `{{#.name}}` and `{{^.name}}` read it as absent, as before); strings, numbers, `TrustedHTML` and
/// `Words` stay as they are.
enum TemplateData {
    static func box(_ value: Any) -> Any {
        boxed(value) ?? (Optional<Any>.none as Any)
    }

    /// The value boxed; nil for a nil optional (at any depth), so that a struct leaves the key out
    /// without reflecting each field a second time to ask whether it is optional.
    private static func boxed(_ value: Any) -> Any? {
        switch value {
        case is String, is Bool, is Int, is Double, is TrustedHTML, is Words, is MustacheParent:
            return value
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return nil }
            return boxed(wrapped)
        case .collection, .set:
            return mirror.children.map { box($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label, let field = boxed(child.value) else { continue }
                fields[label] = field
            }
            return fields
        default:
            return value
        }
    }
}
