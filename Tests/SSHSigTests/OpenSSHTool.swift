import Foundation
import Testing

/// Runs the real OpenSSH tools in a fresh temporary folder, so tests compare against stock
/// `ssh-keygen` rather than against our own idea of the format.
struct OpenSSHTool {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    struct Result {
        let status: Int32
        let output: String
        let errors: String
    }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("sshsig-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func removeFolder() {
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(name)))
    }

    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    /// Runs `program` (found on PATH) in the folder; stdin gets `input`.
    @discardableResult
    func run(_ program: String, _ arguments: [String], input: [UInt8] = []) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.currentDirectoryURL = folder
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: output, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self)
        )
    }

    /// Runs `ssh-keygen` and fails with its stderr unless it exits 0.
    @discardableResult
    func sshKeygen(_ arguments: [String], input: [UInt8] = []) throws -> String {
        let result = try run("ssh-keygen", arguments, input: input)
        guard result.status == 0 else {
            throw Failure(description: "ssh-keygen \(arguments.joined(separator: " ")) exited "
                + "\(result.status): \(result.errors)")
        }
        return result.output
    }

    /// Creates `name` and `name.pub` with `ssh-keygen -t TYPE`; returns the private key file's text.
    @discardableResult
    func generateKey(_ name: String, type: String = "ed25519", passphrase: String = "",
                     comment: String = "alice@example.org") throws -> String {
        var arguments = ["-q", "-t", type, "-N", passphrase, "-C", comment, "-f", path(name)]
        if type == "rsa" { arguments += ["-b", "1024"] }
        try sshKeygen(arguments)
        return try read(name)
    }
}
