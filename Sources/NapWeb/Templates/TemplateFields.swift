/// A view that lists its fields for the template engine itself, instead of having them found by
/// reflection (`Mirror`). The views shown thousands of times in a site (comments, responses, diff lines,
/// badges, the layout) list theirs: reflecting them was a fifth of a whole site's build, most of it the
/// runtime looking up each field's type by its mangled name on every access.
///
/// A listing must give exactly what reflection would (`TemplateData.reflected`): every stored property
/// under its name, a nil optional left out. Debug builds check that on every view rendered (`assert` in
/// `TemplateData.box`), so every test that renders a page fails when a field is added to a view and not
/// to its listing.
protocol TemplateFields {
    /// Adds every stored property of the view to `fields`, under its name.
    func list(into fields: inout TemplateFieldList)
}

extension TemplateFields {
    /// The view as the template engine reads it: a dictionary of its fields.
    var templateData: [String: Any] {
        var fields = TemplateFieldList()
        list(into: &fields)
        return fields.values
    }
}

/// The fields of one view, as `TemplateData` would box them by reflection: strings, numbers, `TrustedHTML`
/// and `Words` as they are, views as dictionaries, arrays as `[Any]`, nil optionals left out.
struct TemplateFieldList {
    private(set) var values: [String: Any] = [:]

    mutating func add(_ name: String, _ value: String) { values[name] = value }
    mutating func add(_ name: String, _ value: Bool) { values[name] = value }
    mutating func add(_ name: String, _ value: Int) { values[name] = value }
    mutating func add(_ name: String, _ value: TrustedHTML) { values[name] = value }
    mutating func add(_ name: String, _ value: Words) { values[name] = value }
    mutating func add(_ name: String, _ value: [String]) { values[name] = value as [Any] }

    mutating func add(_ name: String, _ value: String?) {
        if let value { values[name] = value }
    }

    mutating func add(_ name: String, _ value: Int?) {
        if let value { values[name] = value }
    }

    mutating func add<View: TemplateFields>(_ name: String, _ value: View) { values[name] = value.templateData }

    mutating func add<View: TemplateFields>(_ name: String, _ value: View?) {
        if let value { values[name] = value.templateData }
    }

    mutating func add<View: TemplateFields>(_ name: String, _ value: [View]) {
        values[name] = value.map { $0.templateData as Any }
    }
}
