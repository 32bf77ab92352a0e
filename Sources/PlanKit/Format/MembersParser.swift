import Foundation
import Yams
import Localization

extension Members {
    /// Reads `members.yml`, reporting every problem: YAML syntax, missing fields, unsafe or duplicate ids,
    /// malformed or duplicate emails (case-insensitive), unknown sectors and roles, malformed keys, and a
    /// forum without exactly one government co-chair and one civil-society co-chair.
    public static func parse(_ bytes: [UInt8], path: String = PlanFiles.members, sizeLimit: Int = PlanFiles.maximumFileSize) -> Parsed<Members> {
        var diagnostics: [Diagnostic] = []
        guard let source = SourceText.decode(bytes, path: path, sizeLimit: sizeLimit, into: &diagnostics) else {
            return Parsed(value: nil, diagnostics: diagnostics)
        }
        let reader = FieldReader(path: path)
        guard !source.isBlank, let root = reader.compose(source.text) else {
            if reader.diagnostics.isEmpty {
                reader.error(L("members.yml is empty; it needs a 'members:' list (write 'members: []' for none yet)"), at: nil)
            }
            return Parsed(value: nil, diagnostics: reader.diagnostics)
        }
        guard let fields = reader.mapping(root, .field("members.yml")) else { return Parsed(value: nil, diagnostics: reader.diagnostics) }
        reader.warnUnknownKeys(fields, known: ["members"], in: .field("members.yml"))
        guard let (key, value) = FieldReader.entry(fields, "members") else {
            reader.error(L("members.yml needs a 'members:' list (write 'members: []' for none yet)"), at: nil)
            return Parsed(value: nil, diagnostics: reader.diagnostics)
        }
        guard let items = reader.sequence(value, .field("members")) else { return Parsed(value: nil, diagnostics: reader.diagnostics) }
        var list = MemberList(reader: reader)
        for (index, item) in items.enumerated() {
            list.read(item, number: index + 1)
        }
        list.checkCoChairs(at: key)
        return Parsed(value: Members(list.members), diagnostics: reader.diagnostics)
    }
}

/// Reads the entries of the `members:` list and checks them against each other.
private struct MemberList {
    let reader: FieldReader
    var members: [Member] = []
    private var idLines: [String: Int] = [:]
    private var emailLines: [String: Int] = [:]
    private var coChairs: [Sector: [(member: Member, node: Yams.Node?)]] = [:]

    init(reader: FieldReader) {
        self.reader = reader
    }

    mutating func read(_ item: Yams.Node, number: Int) {
        let what = L("member \(number)")
        guard let fields = reader.mapping(item, what) else { return }
        reader.warnUnknownKeys(fields, known: ["id", "name", "email", "sector", "organization", "role", "key", "groups"], in: what)
        let id = readID(fields, what: what, item: item)
        let label = id.map { L("member '\($0)'") } ?? what
        let name = reader.text(fields, "name", L("\(label): name"), required: true, owner: item)
        let email = readEmail(fields, label: label, item: item)
        let sector = readEnum(fields, "sector", label: label, item: item, as: Sector.self)
        let organization = reader.text(fields, "organization", L("\(label): organization"), required: false, owner: item)
        let roleNode = FieldReader.entry(fields, "role")?.value
        let role = roleNode == nil ? Role.member : readEnum(fields, "role", label: label, item: item, as: Role.self)
        let key = readKey(fields, label: label)
        guard let id, let name, let email, let sector, let role else { return }
        if role == .host, key == nil {
            reader.error(L("\(label) is a host (a server that writes on behalf of members and the public) and needs its 'key:': every event it writes is signed with it"),
                         at: FieldReader.entry(fields, "key")?.value ?? roleNode)
        }
        var member = Member(id: id, name: name, email: email, sector: sector, organization: organization, role: role, key: key)
        member.groups = readGroups(fields, label: label)
        if role == .coChair { coChairs[sector, default: []].append((member, roleNode)) }
        members.append(member)
    }

    private mutating func readID(_ fields: Yams.Node.Mapping, what: Message, item: Yams.Node) -> String? {
        guard let id = reader.text(fields, "id", L("\(what): id"), required: true, owner: item) else { return nil }
        let node = FieldReader.entry(fields, "id")?.value
        if let problem = Identifier.problem(in: id) {
            reader.error(L("\(what): id '\(id)': \(problem)"), at: node)
            return nil
        }
        if let first = idLines[id] {
            reader.error(L("member id '\(id)' is used twice (first on line \(first))"), at: node)
            return nil
        }
        idLines[id] = (node?.mark?.line ?? 1) + reader.lineOffset
        return id
    }

    private mutating func readEmail(_ fields: Yams.Node.Mapping, label: Message, item: Yams.Node) -> String? {
        guard let email = reader.text(fields, "email", L("\(label): email"), required: true, owner: item) else { return nil }
        let node = FieldReader.entry(fields, "email")?.value
        if let problem = EmailAddress.problem(in: email) {
            reader.error(L("\(label): email '\(email)' is not well formed: \(problem)"), at: node)
            return nil
        }
        let folded = email.lowercased()
        if let first = emailLines[folded] {
            reader.error(L("email \(email) is used by two members (first on line \(first)); each person has one entry"), at: node)
            return nil
        }
        emailLines[folded] = (node?.mark?.line ?? 1) + reader.lineOffset
        return email
    }

    private func readEnum<Value: RawRepresentable & CaseIterable>(
        _ fields: Yams.Node.Mapping, _ key: String, label: Message, item: Yams.Node, as type: Value.Type
    ) -> Value? where Value.RawValue == String {
        guard let text = reader.text(fields, key, L("\(label): \(key)"), required: true, owner: item) else { return nil }
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            reader.error(L("\(label): '\(text)' is not a \(key) (use one of \(allowed))"), at: FieldReader.entry(fields, key)?.value)
            return nil
        }
        return value
    }

    /// `groups:`: a list of area ids (thematic working groups).
    private func readGroups(_ fields: Yams.Node.Mapping, label: Message) -> [String] {
        guard let (_, value) = FieldReader.entry(fields, "groups"), let items = reader.sequence(value, L("\(label): groups")) else { return [] }
        var groups: [String] = []
        for item in items {
            guard let group = reader.scalar(item, L("\(label): a group")), !group.isEmpty else { continue }
            if let problem = Identifier.problem(in: group) {
                reader.error(L("\(label): group '\(group.prefix(40))': \(problem) (a group is an area id such as open-data)"), at: item)
            } else if groups.contains(group) {
                reader.warning(L("\(label): group '\(group)' is listed twice"), at: item)
            } else {
                groups.append(group)
            }
        }
        return groups
    }

    private func readKey(_ fields: Yams.Node.Mapping, label: Message) -> String? {
        guard let key = reader.text(fields, "key", L("\(label): key"), required: false, owner: nil) else { return nil }
        if let problem = PublicKeyLine.problem(in: key) {
            reader.error(L("\(label): key: \(problem)"), at: FieldReader.entry(fields, "key")?.value)
            return nil
        }
        return key
    }

    /// Exactly one co-chair for government and one for civil society; co-chairs of other sectors are errors.
    func checkCoChairs(at membersKey: Yams.Node) {
        for (sector, entries) in coChairs where sector != .government && sector != .civilSociety {
            for entry in entries {
                reader.error(L("member '\(entry.member.id)' is a co-chair for \(sector.rawValue); the forum's co-chairs are one for government and one for civil-society"), at: entry.node)
            }
        }
        for sector in [Sector.government, .civilSociety] {
            let entries = coChairs[sector] ?? []
            if entries.isEmpty {
                reader.error(L("the forum has no \(MessageWords.sector(sector.rawValue)) co-chair (a member with 'sector: \(sector.rawValue)' and 'role: co-chair')"), at: membersKey)
            }
            for entry in entries.dropFirst() {
                reader.error(L("member '\(entry.member.id)' is a second \(sector.rawValue) co-chair (the first is '\(entries[0].member.id)'); the forum has exactly one"), at: entry.node)
            }
        }
    }
}

/// Checks a member's public key: one OpenSSH line `ssh-ed25519 <base64> [comment]` holding a 32-byte key.
enum PublicKeyLine {
    static func problem(in line: String) -> Message? {
        let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
        guard parts.count >= 2 else { return L("write the whole public key line: ssh-ed25519 AAAA… comment") }
        guard parts[0] == "ssh-ed25519" else { return L("only ssh-ed25519 keys are supported, not \(parts[0])") }
        guard let blob = Data(base64Encoded: String(parts[1])) else { return L("the key's base64 text is damaged") }
        let expected: [UInt8] = [0, 0, 0, 11] + Array("ssh-ed25519".utf8) + [0, 0, 0, 32]
        guard blob.count == expected.count + 32, Array(blob.prefix(expected.count)) == expected else {
            return L("the key's data is not an ssh-ed25519 public key")
        }
        return nil
    }
}
