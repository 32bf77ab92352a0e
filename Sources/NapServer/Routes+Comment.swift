import Foundation
import Hummingbird
import Localization
import NapWeb
import PlanKit

extension NapServe {
    /// The comment form for what the link names (`?proposal=…[&path=…&start=…&end=…]` or
    /// `?commitment=…&section=…`).
    func commentForm(_ request: Request, context: ServeContext) async throws -> Response {
        let language = try await pageLanguage(context)
        let target = CommentTarget(FormData.query(request.uri.query))
        let (session, cookie) = await formSession(request)
        let bytes = try await renderCommentForm(target, language: language, session: session, errors: [], entered: [:], request: request)
        return Reply.html(bytes).setting(cookie: cookie)
    }

    func renderCommentForm(_ target: CommentTarget, language: String, session: Session, errors: [String],
                           entered: [String: String], request: Request) async throws -> [UInt8] {
        let shown: CommentTarget.Shown
        do {
            shown = try await site.read { store in try target.show(in: store, language: language) }
        } catch is PlanError {
            throw Refusal.notFound
        }
        let member = session.member
        let memberName = try await site.read { store in member.flatMap { try? store.currentMembers().member(id: $0)?.name } }
        var values: [String: Any] = [
            "heading": shown.heading.map { SiteWords.word("commentOnSection", language: language, $0) }
                ?? SiteWords.word(target.start == nil ? "commentOnProposal" : "commentTitle", language: language),
            "csrf": session.csrf,
            "hidden": target.hidden,
            "hasErrors": !errors.isEmpty, "errors": errors,
            "signedIn": member != nil,
            "signedInNote": SiteWords.word("commentingAs", language: language, memberName ?? member ?? ""),
            "name": entered["name"] ?? "", "contact": entered["contact"] ?? "", "body": entered["body"] ?? "",
            "commentHint": SiteWords.word("commentHintLimit", language: language, String(options.limits.maximumCommentBytes / 1024)),
            "hasChoices": !shown.choices.isEmpty,
            "choices": shown.choices.enumerated().map { index, choice in
                ["index": index + 1, "id": choice.id, "title": choice.title,
                 "checked": shown.choices.count == 1 || entered["proposal"] == choice.id] as [String: Any]
            },
            "noTarget": target.commitment != nil && shown.choices.isEmpty,
            "proposalsHref": SiteRenderer.link(from: "comment", to: "proposals/index.html", language: language),
        ]
        if let quote = shown.quote {
            values["quote"] = quote
            values["where"] = shown.whereText ?? ""
        }
        if let id = shown.proposalID, let title = shown.proposalTitle {
            values["proposalTitle"] = title
            values["proposalHref"] = try await site.proposalPage(id: id) ?? SiteRenderer.link(from: "comment", to: "proposals/index.html", language: language)
        }
        return try await servedPage(ServedPage(template: "serve-comment", path: "comment", titleWord: "commentTitle", values: values), language: language, request: request)
    }

    /// A posted comment: origin, rate limit, size, UTF-8, no control characters, no field it should not
    /// have, the session's CSRF token, the honeypot empty; then the name, address and text are checked
    /// and the comment is recorded once, for the signed-in member or the person of the public.
    func postComment(_ request: Request, context: ServeContext) async throws -> Response {
        let language = try await pageLanguage(context)
        try await admitPost(request, context: context)
        let form = try await readForm(request, multiline: ["body"])
        let allowed = CommentTarget.fields.union(["csrf", "name", "contact", "body", "website"])
        guard form.fields.keys.allSatisfy(allowed.contains) else { throw Refusal.badInput }
        let session = try await checkedSession(request, form: form)
        guard form["website"]?.isEmpty ?? true else { throw Refusal.badInput }
        let target = CommentTarget(form.fields)

        var errors: [String] = []
        let body = form["body"] ?? ""
        if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(SiteWords.word("bodyMissing", language: language))
        } else if body.utf8.count > options.limits.maximumCommentBytes {
            errors.append(SiteWords.word("bodyTooLong", language: language, String(options.limits.maximumCommentBytes / 1024)))
        }
        let principal: WebPrincipal
        var contact: String?
        if let member = session.member {
            principal = .member(id: member)
        } else {
            let name = form.text("name") ?? ""
            if name.isEmpty {
                errors.append(SiteWords.word("nameMissing", language: language))
            } else if !Self.isAcceptableName(name) {
                errors.append(SiteWords.word("nameInvalid", language: language))
            }
            principal = .publicPerson(displayName: name)
            contact = form.text("contact")
            if let address = contact, address.count > 254 || !EmailAddress.isWellFormed(address) {
                errors.append(SiteWords.word("contactInvalid", language: language))
            }
        }
        guard let proposal = target.proposal else { throw Refusal.badInput }
        if errors.isEmpty {
            do {
                let anchor = try await site.read { store in try target.anchor(in: store, proposal: proposal, language: language) }
                let (id, full) = try await writer.comment(on: proposal, body: body, anchor: anchor, replyTo: nil, principal: principal, contact: contact)
                ServerLog.note("recorded a comment")
                return Reply.redirect("received?proposal=\(full)&comment=\(id)")
            } catch let error as PlanError {
                errors.append(SiteWords.word("notRecorded", language: language, Self.plainReason(error, language: language)))
            }
        }
        var entered = form.fields
        entered["csrf"] = nil
        let bytes = try await renderCommentForm(target, language: language, session: session, errors: errors, entered: entered, request: request)
        return Reply.html(bytes, status: .unprocessableContent)
    }

    /// The full id of a proposal named by id or prefix.
    func proposalID(_ name: String) async throws -> String {
        try await site.read { store in try store.proposalID(named: name) ?? name }
    }

    /// A display name the record can hold: one line, 1–100 characters, no control or direction
    /// characters, not an email address (addresses are kept apart, never published).
    static func isAcceptableName(_ name: String) -> Bool {
        guard (1...100).contains(name.count), !name.unicodeScalars.contains(where: { FormData.isControl($0, multiline: false) }) else { return false }
        let words = name.split(whereSeparator: { $0.isWhitespace || "<>(),".contains($0) })
        return !words.contains { $0.contains("@") && EmailAddress.isWellFormed(String($0)) }
    }

    /// What PlanKit said, as a sentence without paths of this machine.
    static func plainReason(_ error: PlanError, language: String) -> String {
        let text = error.message.resolved(in: Language(rawValue: language) ?? .english)
        return text.count > 300 ? String(text.prefix(300)) + "…" : text
    }
}
