/// The words of `nap serve`'s member inbox, with their Traditional Chinese and English text (merged into
/// `WordTable`).
enum ServeWordTable {
    static let entries: [String: (zh: String, en: String)] = [
        "inboxNothing": ("目前沒有等待你處理的事項。", "Nothing waits on you."),
        "inboxOwed": ("待你說明理由回應的意見（%@）", "Owed a reasoned response (%@)"),
        "inboxAwaitingReview": ("等待你審查的提案（%@）", "Waiting for your review (%@)"),
        "inboxOverdue": ("你的機關主責承諾中已逾期的里程碑（%@）", "Overdue milestones of commitments your agency leads (%@)"),
        "inboxProgressComments": ("對你的進度報告、待回應的意見（%@）", "Comments on your progress reports owed a reasoned response (%@)"),
        "inboxTheProposal": ("提案本身", "The proposal itself"),
        "inboxComment": ("意見 %@", "Comment %@"),
        "inboxDueIn": ("%@ 天內須回應", "Due in %@ days"),
        "inboxDueToday": ("今天須回應", "Due today"),
        "inboxOverdueBy": ("已逾期 %@ 天", "%@ days overdue"),
        "inboxNoDeadline": ("未設回應期限", "No deadline set"),
        "inboxWhyAuthor": ("你的提案", "Your proposal"),
        "inboxWhyCoChair": ("政府共同主席檢視每則意見", "The government co-chair sees every input"),
        "inboxWhyLeadAgency": ("你的機關主責的承諾", "A commitment your agency leads"),
        "inboxWhyWorkingGroup": ("你的工作小組領域", "Your working group's area"),
        "inboxMilestone": ("里程碑 %@，期限 %@，逾期 %@ 天（%@）", "Milestone %@, due %@, %@ days late (%@)"),
        "inboxNoEvidence": ("尚無佐證", "no evidence"),
    ]
}
