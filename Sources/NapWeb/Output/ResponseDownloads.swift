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

    /// Each proposal's inputs (contiguous in the report), made by `make` or taken from the kept pieces;
    /// the pieces a window at a time on every core, written in order.
    private func pieces(file: String, _ write: (String) throws -> Void, make: (ArraySlice<ResponseReport.Input>) throws -> String) throws {
        let inputs = content.report.inputs
        let kept = content.downloadPieces?.folder(file)
        var groups: [(range: Range<Int>, key: String?)] = []
        var start = inputs.startIndex
        while start < inputs.endIndex {
            let proposal = inputs[start].proposal
            var end = start + 1
            while end < inputs.endIndex, inputs[end].proposal == proposal { end += 1 }
            let key = kept == nil ? nil : content.proposal(id: proposal)?.folder.map { folder in
                KeyDigest.of([contentKey, file, proposal, folder.hex, String(end - start)])
            }
            groups.append((start..<end, key))
            start = end
        }
        var used = Set<String>()
        for window in stride(from: 0, to: groups.count, by: Self.window) {
            let slice = groups[window..<min(window + Self.window, groups.count)]
            let texts = try ParallelRender.map(slice.count) { offset -> String in
                let group = slice[slice.startIndex + offset]
                guard let kept, let key = group.key else { return try make(inputs[group.range]) }
                return try kept.text(key) { try make(inputs[group.range]) }
            }
            for text in texts { try write(text) }
            used.formUnion(slice.compactMap(\.key))
        }
        kept?.keepOnly(used)
    }

    /// How many proposals' pieces are made at once (and held in memory before they are written).
    private static let window = 64
}
