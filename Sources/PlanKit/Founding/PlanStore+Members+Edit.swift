import Foundation
import Localization

extension PlanStore {
    /// Adds a member to members.yml in the working tree (not committed: `nap save` or a proposal does
    /// that). Comments and layout in the file are kept. Refuses a duplicate id or email, a second co-chair
    /// for a sector, and a co-chair outside government and civil society.
    public func addMember(_ member: Member) throws {
        let path = root + PlanFiles.members
        let text: String
        if let bytes = try workTreeFiles.read(PlanFiles.members) {
            guard let decoded = String(bytes: bytes, encoding: .utf8) else {
                throw PlanError.invalidInput(L("\(PlanFiles.members) is not UTF-8 text; fix it first (nap validate shows where)"))
            }
            text = decoded
        } else {
            text = "members: []\n"
        }
        if member.role == .host, member.key == nil {
            throw PlanError.invalidInput(L("a host (a server such as `nap serve`) signs every event it writes; give its public key with --key FILE.pub"))
        }
        if member.role == .coChair {
            guard member.sector == .government || member.sector == .civilSociety else {
                throw PlanError.invalidInput(L("co-chairs are one from government and one from civil society; \(member.sector.rawValue) cannot hold the role"))
            }
            let current = Members.parse(Array(text.utf8)).value ?? Members([])
            if let chair = current.coChair(of: member.sector) {
                throw PlanError.refused(reason: L("\(PlanFiles.members) already names \(chair.name) (\(chair.id)) as the \(member.sector.rawValue) co-chair"),
                                        hint: L("a forum has exactly one co-chair per side; change the existing entry in a proposal instead"))
            }
        }
        let updated = try MembersEditor.adding(member, to: text)
        try FileWrite.write(Data(updated.utf8), to: path, shownAs: PlanFiles.members)
    }

    /// The members as members.yml in the working tree lists them, with any problems.
    public func workTreeMembers() throws -> Parsed<Members> {
        guard let bytes = try workTreeFiles.read(PlanFiles.members) else {
            return Parsed(value: nil, diagnostics: [Diagnostic(path: PlanFiles.members, message: L("members.yml is missing"))])
        }
        return Members.parse(bytes)
    }
}
