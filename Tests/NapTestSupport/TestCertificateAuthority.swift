import Foundation

/// A certificate authority made for one test with stock `openssl`, and a server certificate it signed
/// for 127.0.0.1 (and `localhost`): what a forum's own git server with its own CA looks like.
public struct TestCertificateAuthority: Sendable {
    /// The CA's certificate (PEM): what a client trusts through `http.sslCAInfo`.
    public let certificate: String
    /// The server's certificate and key (PEM).
    public let serverCertificate: String
    public let serverKey: String

    /// Makes the CA and the server certificate in `folder` (created).
    public init(in folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        certificate = folder + "/ca.pem"
        serverCertificate = folder + "/server.pem"
        serverKey = folder + "/server.key"
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try Self.openssl(["req", "-x509"] + ec + ["-keyout", folder + "/ca.key", "-out", certificate, "-days", "2",
                                                  "-subj", "/CN=nap test CA"], in: folder)
        try Self.openssl(["req"] + ec + ["-keyout", serverKey, "-out", folder + "/server.csr", "-subj", "/CN=127.0.0.1"], in: folder)
        try Data("subjectAltName=IP:127.0.0.1,DNS:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n".utf8)
            .write(to: URL(fileURLWithPath: folder + "/server.ext"))
        try Self.openssl(["x509", "-req", "-in", folder + "/server.csr", "-CA", certificate, "-CAkey", folder + "/ca.key",
                          "-CAcreateserial", "-out", serverCertificate, "-days", "2", "-extfile", folder + "/server.ext"], in: folder)
    }

    private static func openssl(_ arguments: [String], in folder: String) throws {
        let result = try run("/usr/bin/openssl", arguments, in: folder, environment: ["PATH": "/usr/bin:/bin"])
        guard result.status == 0 else { throw SandboxError.failed("openssl \(arguments.first ?? "") failed: \(result.stderr)") }
    }
}
