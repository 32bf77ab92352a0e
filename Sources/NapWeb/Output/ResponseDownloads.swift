import PlanKit

/// The response report's downloads (`responses.csv`, `responses.json`), written a proposal at a time:
/// each proposal's rows are kept between builds under a key made of everything they come from (the
/// site's content key, the file, the proposal and its folder in the record), so after one new comment
/// only that proposal's rows are made again and the rest are copied (`DerivedTexts`). Pieces of a past
/// state are removed at the end of each file.
struct ResponseDownloads {
    let content: SiteContent
    /// The site's content key (`SiteRenderer.contentKey`).
    let contentKey: String

    /// The CSV, a piece at a time.
    func csv(_ write: (String) throws -> Void) throws {
        try write(CSVTable.line(ResponseReportRenderer.csvColumns))
        try pieces(file: "responses.csv", write) { inputs in
            inputs.map(ResponseReportRenderer.csvLine).joined()
        }
    }

    /// The JSON document, a piece at a time.
    func json(_ write: (String) throws -> Void) throws {
        try write(ResponsesJSON.opening)
        var first = true
        try pieces(file: "responses.json", { piece in
            try write((first ? "\n" : ",\n") + piece)
            first = false
        }, make: ResponsesJSON.inputs)
        try write(ResponsesJSON.closing(content.report))
    }

    /// Each proposal's inputs (contiguous in the report), made by `make` or taken from the kept pieces.
    private func pieces(file: String, _ write: (String) throws -> Void, make: (ArraySlice<ResponseReport.Input>) throws -> String) throws {
        let inputs = content.report.inputs
        let kept = content.downloadPieces?.folder(file)
        var used = Set<String>()
        var start = inputs.startIndex
        while start < inputs.endIndex {
            let proposal = inputs[start].proposal
            var end = start + 1
            while end < inputs.endIndex, inputs[end].proposal == proposal { end += 1 }
            let group = inputs[start..<end]
            if let kept, let folder = content.proposal(id: proposal)?.folder {
                let key = KeyDigest.of([contentKey, file, proposal, folder.hex, String(group.count)])
                used.insert(key)
                try write(try kept.text(key) { try make(group) })
            } else {
                try write(try make(group))
            }
            start = end
        }
        kept?.keepOnly(used)
    }
}
