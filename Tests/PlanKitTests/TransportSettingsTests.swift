import Foundation
import GitKit
import NapTestSupport
@testable import PlanKit
import Testing

/// Where https trust comes from (git's order), and addresses shown without the password they hold.
@Suite struct TransportSettingsTests {
    @Test func certificateAuthoritiesAreFoundInGitsOrder() throws {
        let sandbox = try Sandbox("transport-trust")
        try LibGit2.isolateConfiguration(in: Sandbox.emptyConfigurationFolder)
        let repository = try Repository.create(at: sandbox.path("plan"))
        #expect(TransportTrust.authoritiesFile(repository, environment: [:]) == nil, "the system's bundle")
        #expect(TransportTrust.authoritiesFile(repository, environment: ["SSL_CERT_FILE": "/ssl.pem"])?.path == "/ssl.pem")
        try repository.setConfig("http.sslCAInfo", "/forum-ca.pem")
        #expect(TransportTrust.authoritiesFile(repository, environment: ["SSL_CERT_FILE": "/ssl.pem"])?.from == "http.sslCAInfo")
        let first = TransportTrust.authoritiesFile(repository, environment: ["SSL_CERT_FILE": "/ssl.pem", "GIT_SSL_CAINFO": "/git.pem"])
        #expect(first?.path == "/git.pem" && first?.from == "GIT_SSL_CAINFO")
        // A file that cannot be read is refused before anything is sent.
        #expect(throws: PlanError.self) { try TransportTrust.apply(repository, environment: [:]) }
    }

    @Test func passwordsInAddressesAreNeverShown() {
        #expect(ShownAddress.of("https://wang:s3cret@hub.example.org/plan.git") == "https://wang:***@hub.example.org/plan.git")
        #expect(ShownAddress.of("https://wang@hub.example.org/plan.git") == "https://wang@hub.example.org/plan.git")
        #expect(ShownAddress.of("git@github.com:forum/plan.git") == "git@github.com:forum/plan.git")
        #expect(ShownAddress.of("/srv/git/plan.git") == "/srv/git/plan.git")
        let url = "https://wang:a%2Fb@hub.example.org/plan.git"
        #expect(ShownAddress.scrub("failed for a%2Fb and a/b", of: url) == "failed for *** and ***")
    }
}
