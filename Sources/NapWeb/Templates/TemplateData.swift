import Mustache

/// A view as the template engine reads it fastest: each struct made once into a dictionary (the
/// engine's own lookup reflects the whole struct again for every `{{name}}`, which made reflection most
/// of a site's build time). Arrays become arrays of such dictionaries; a nil optional leaves its key out
/// (so `{{#.name}}` and `{{^.name}}` read it as absent, as before); strings, numbers, `TrustedHTML` and
/// `Words` stay as they are. A view that lists its own fields (`TemplateFields`) is not reflected.
enum TemplateData {
    static func box(_ value: Any) -> Any {
        boxed(value, listing: true) ?? (Optional<Any>.none as Any)
    }

    /// What `box` gives by reflection alone, without any view's own listing: what a listing must equal.
    static func reflected(_ value: Any) -> Any {
        boxed(value, listing: false) ?? (Optional<Any>.none as Any)
    }

    /// The value boxed; nil for a nil optional (at any depth), so that a struct leaves the key out
    /// without reflecting each field a second time to ask whether it is optional.
    private static func boxed(_ value: Any, listing: Bool) -> Any? {
        switch value {
        case is String, is Bool, is Int, is Double, is TrustedHTML, is Words, is MustacheParent:
            return value
        default:
            break
        }
        if listing, let view = value as? TemplateFields {
            let data = view.templateData
            assert(same(data, reflected(value)), "\(type(of: value)) lists other fields than it has: \(difference(data, reflected(value)) ?? "")")
            return data
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return nil }
            return boxed(wrapped, listing: listing)
        case .collection, .set:
            return mirror.children.map { boxed($0.value, listing: listing) ?? (Optional<Any>.none as Any) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label, let field = boxed(child.value, listing: listing) else { continue }
                fields[label] = field
            }
            return fields
        default:
            return value
        }
    }

    /// Whether two boxed values are the same data: the same keys, the same values, in the same order.
    static func same(_ left: Any, _ right: Any) -> Bool {
        difference(left, right) == nil
    }

    /// Where two boxed values first differ (a path of keys and indices), nil when they are the same.
    static func difference(_ left: Any, _ right: Any, at path: String = "") -> String? {
        switch (left, right) {
        case let (left as [String: Any], right as [String: Any]):
            for key in Set(left.keys).union(right.keys).sorted() {
                guard let one = left[key] else { return "\(path).\(key) only by reflection" }
                guard let other = right[key] else { return "\(path).\(key) only in the listing" }
                if let found = difference(one, other, at: path + "." + key) { return found }
            }
            return nil
        case let (left as [Any], right as [Any]):
            guard left.count == right.count else { return "\(path): \(left.count) against \(right.count) elements" }
            for (index, (one, other)) in zip(left, right).enumerated() {
                if let found = difference(one, other, at: "\(path)[\(index)]") { return found }
            }
            return nil
        case let (left as String, right as String): return left == right ? nil : path
        case let (left as Bool, right as Bool): return left == right ? nil : path
        case let (left as Int, right as Int): return left == right ? nil : path
        case let (left as TrustedHTML, right as TrustedHTML): return left == right ? nil : path
        case let (left as Words, right as Words): return left.language == right.language ? nil : path
        default:
            return type(of: left) == type(of: right) && String(describing: left) == String(describing: right) ? nil : "\(path): \(type(of: left)) against \(type(of: right))"
        }
    }
}
