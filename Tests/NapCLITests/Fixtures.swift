/// A complete, valid commitment in the plan format (docs/FORMAT.md), with text from the 2024
/// political-donations proposal (../shared/data/taiwan/political-donation-proposal.md).
func donationCommitment(id: String = "political-donations", solutionZh: String = "修法要求大額政治獻金於收支後 20 日內申報，並由監察院於 48 小時內公開。") -> String {
    """
    ---
    id: \(id)
    title:
      zh-Hant: 政治獻金再透明化
      en: More transparent political donations
    period:
      start: 2025-01
      end: 2028-12
    lead:
      - zh-Hant: 內政部
        en: Ministry of the Interior
    supporting:
      government:
        - zh-Hant: 監察院
          en: Control Yuan
      civil-society:
        - zh-Hant: g0v 開放政治獻金
          en: g0v Open Political Donations
      others: []
    values:
      - transparency
      - accountability
    milestones:
      - activity:
          zh-Hant: 研議大額政治獻金即時申報之修法
          en: Draft amendments for the prompt reporting of large donations
        output:
          zh-Hant: 政治獻金法修正草案
          en: A draft amendment of the Political Donations Act
        start: 2025-01
        end: 2026-06
      - activity:
          zh-Hant: 政治獻金申報平台改版，開放擬參選人自主提早公開
          en: Rebuild the reporting platform so candidates can publish early
        output:
          zh-Hant: 上線之平台新功能
          en: The new platform feature, online
        start: 2026-01
        end: 2027-12
    contact:
      name: 王小明
      title: 內政部民政司
      email: contact@moi.gov.example
      phone: 02-1234-5678
    ---

    # 繁體中文 {lang=zh-Hant}

    ## 簡述 {#summary}

    讓大額政治獻金在選舉期間即時公開，供公民團體與選民監督。

    ## 問題界定 {#problem}

    選後三個月為申報期限，監察院於申報後六個月公開，民眾可能近九個月才看到政治獻金資料。

    ## 問題成因 {#causes}

    申報與公開的法定期限過長，且多數申報仍為紙本。

    ## 現況 {#background}

    監察院已建置政治獻金公開查閱平台。

    ## 承諾事項為何？ {#solution}

    \(solutionZh)

    ## 預期成果 {#results}

    大額收支於選舉期間即可公開，提升監督效果。

    ## 與核心價值的關係 {#analysis}

    透明：公開政治獻金資料；課責：讓選民得以監督候選人。

    # English {lang=en}

    ## Brief description {#summary}

    Publish large political donations promptly during the campaign, for civil society and voters to scrutinise.

    ## Problem definition {#problem}

    Reports are due three months after the election and published six months later: up to nine months of delay.

    ## Causes {#causes}

    The legal deadlines are long, and most reports are still on paper.

    ## What has been done so far {#background}

    The Control Yuan runs a platform to consult the reports.

    ## Proposed solution {#solution}

    Amend the law so that large donations are reported within 20 days and published within 48 hours.

    ## Expected results {#results}

    Large donations become public during the campaign.

    ## Analysis {#analysis}

    Transparency of political finance; accountability of candidates to voters.

    """
}
