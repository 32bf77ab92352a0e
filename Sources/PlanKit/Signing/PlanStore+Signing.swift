import Foundation
import GitKit
import Localization
import SSHSig

extension PlanStore {
    /// Writes a commit as `signature` (author and committer), signed with the user's key when there is
    /// one (SSHSIG, namespace `git`, so `git verify-commit` checks it). Every commit nap makes goes
    /// through here. Moves no reference: the caller moves it with a compare-and-swap.
    public func writeCommit(tree: ObjectID, parents: [ObjectID], message: String, signature: Signature) throws -> ObjectID {
        try signer.writeCommit(tree: tree, parents: parents, author: signature, committer: signature, message: message)
    }

    /// Creates the annotated tag `refs/tags/<name>` on `target`, signed with the user's key when there
    /// is one (the armored SSHSIG appended to the tag object, as `git tag -s` does with
    /// `gpg.format=ssh`). The reference is created only if absent; an existing tag is never moved.
    @discardableResult
    public func writeAnnotatedTag(name: String, target: ObjectID, message: String, tagger: Signature) throws -> ObjectID {
        let reference = RefNames.tagPrefix + name
        guard Repository.isValidReferenceName(reference), !name.contains("\n") else {
            throw PlanError.invalidName(kind: L("tag"), name: name, reason: L("not a valid git tag name"))
        }
        for field in [tagger.name, tagger.email] where field.contains(where: { $0 == "<" || $0 == ">" || $0.isNewline }) {
            throw PlanError.invalidInput(L("the tagger's name and email must not contain '<', '>' or line breaks: \(field)"))
        }
        guard let kind = repository.objectKind(target) else { throw PlanError.notFound(kind: L("object"), name: target.hex) }
        let typeName = switch kind {
        case .commit: "commit"
        case .tree: "tree"
        case .blob: "blob"
        case .tag: "tag"
        }
        var body = message
        if !body.hasSuffix("\n") { body += "\n" }
        var bytes = Array("object \(target.hex)\ntype \(typeName)\ntag \(name)\ntagger \(tagger.gitFormat)\n\n\(body)".utf8)
        if let armored = try signer.sign(bytes, namespace: SigningNamespace.git) {
            bytes += Array(armored.utf8)
        }
        do {
            let id = try repository.writeObject(bytes, kind: .tag)
            try repository.updateReference(reference, to: id, expecting: .absent, message: "nap: tag \(name)")
            return id
        } catch let error as GitError where error.isExists {
            throw PlanError.alreadyExists(kind: L("tag"), name: name)
        } catch let error as GitError {
            throw PlanError.git(error)
        }
    }

    /// The public key members.yml on main lists for a member, if any (and readable).
    public func registeredKey(of member: Member) -> SSHPublicKey? {
        member.key.flatMap { try? SSHPublicKey(authorizedKeyLine: $0) }
    }
}
