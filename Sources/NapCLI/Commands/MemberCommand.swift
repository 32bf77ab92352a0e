import ArgumentParser
import Localization
import PlanKit

extension Sector: ExpressibleByArgument {}
extension Role: ExpressibleByArgument {}

struct MemberCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "member",
            abstract: L("Add and list the forum's members (members.yml).").localized,
            subcommands: [MemberAdd.self, MemberList.self, MemberKey.self])
    }
}

struct MemberAdd: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "add",
            abstract: L("Add a member to members.yml in the working tree.").localized,
            discussion: L("""
            Sectors: government, legislature, civil-society, private-sector, academia. Roles: co-chair (one for government, one for civil society), member, reviewer (comments and requests changes, never approves), observer, host (a server such as `nap serve` that writes on behalf of members and the public; its --key is required, its sector says who runs it). Save the change with `nap save` (before the forum is founded) or in a proposal.

            --key registers the member's public key (made with `nap key generate`); without it, `nap member key <id> FILE.pub` registers it later. Where the plan requires signatures, approvals count only when signed with that key.

            --group names a thematic working group (an area id that commitments name in `area:`): input on proposals that change those commitments then shows in the member's `nap inbox`.

            Examples:
              nap member add ndc-chair --name "國發會主委" --email chair@ndc.gov.tw --sector government --role co-chair --organization 國家發展委員會
              nap member add g0v-wang --name 王向榮 --email wang@g0v.tw --sector civil-society --organization g0v --group open-parliament
              nap member add web-ndc --name "參與平台主機" --email web@ndc.gov.tw --sector government --role host --key host.pub
            """).localized)
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(L("A short id: letters, digits, - and _."))) var id: String
    @Option(help: ArgumentHelp(L("The member's name as it should appear."))) var name: String
    @Option(help: ArgumentHelp(L("The email of their git identity."))) var email: String
    @Option(help: ArgumentHelp(L("government, legislature, civil-society, private-sector or academia."))) var sector: Sector
    @Option(help: ArgumentHelp(L("co-chair, member, reviewer, observer or host."))) var role: Role = .member
    @Option(help: ArgumentHelp(L("Their organization."))) var organization: String?
    @Option(help: ArgumentHelp(L("Their public key file (ssh-ed25519), for signatures."), valueName: "file.pub")) var key: String?
    @Option(name: .customLong("group"), help: ArgumentHelp(L("A thematic working group they belong to: an area id (repeatable)."), valueName: "area"))
    var groups: [String] = []

    func run() throws {
        let store = try global.openPlan()
        let publicKey = try key.map { try SigningKey.readPublicKey(file: $0) }
        var member = Member(id: id, name: name, email: email, sector: sector, organization: organization, role: role,
                            key: publicKey.map { SigningKey.keyLine($0) })
        member.groups = groups
        try store.addMember(member)
        if publicKey != nil { _ = try? store.writeAllowedSigners() }
        Console.out(role == .member
            ? L("Added \(SafeText.line(name)) (\(SafeText.line(id)), \(Words.sector(sector.rawValue))) to members.yml.")
            : L("Added \(SafeText.line(name)) (\(SafeText.line(id)), \(Words.sector(sector.rawValue)), \(Words.role(role.rawValue))) to members.yml."))
        if publicKey == nil {
            // The policy the plan will have once this is saved: plan.yml in the working tree.
            let required = (try? store.loadPlan(from: store.workTreeFiles).plan?.policy.requireSignatures) ?? false
            Console.out(SigningGuidance.afterMemberAdd(id: id, name: name, required: required))
        }
    }
}

struct MemberList: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "list",
            abstract: L("List the members in members.yml (working tree).").localized,
            discussion: L("Examples:\n  nap member list\n  nap member list --json").localized)
    }

    @OptionGroup var global: GlobalOptions
    @Flag(help: ArgumentHelp(L("Print JSON (schema in docs/CLI.md)."))) var json = false

    func run() throws {
        let parsed = try global.openPlan().workTreeMembers()
        guard let members = parsed.value else { throw PlanError.invalidPlan(diagnostics: parsed.diagnostics) }
        if json {
            try JSONOutput.print(members.all)
            return
        }
        if members.all.isEmpty {
            Console.out(L("No members yet. Add the two co-chairs with `nap member add ... --role co-chair`."))
            return
        }
        var table = TextTable(headers: [L("ID"), L("NAME"), L("SECTOR"), L("ROLE"), L("ORGANIZATION"), L("EMAIL")])
        for m in members.all {
            table.rows.append([SafeText.line(m.id), SafeText.line(m.name), Words.sector(m.sector.rawValue).localized, Words.role(m.role.rawValue).localized,
                               SafeText.line(m.organization ?? "-"), SafeText.line(m.email)])
        }
        Console.out(table.render())
    }
}
