import CLibGit2

extension Repository {
    /// A configuration value as git resolves it (local over global over system); nil when unset.
    public func configString(_ key: String) throws -> String? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, pointer), "git_repository_config_snapshot")
        defer { git_config_free(config) }
        var value: UnsafePointer<CChar>?
        let result = git_config_get_string(&value, config, key)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_config_get_string")
        return text(value)
    }

    /// A boolean configuration value; nil when unset.
    public func configBool(_ key: String) throws -> Bool? {
        var config: OpaquePointer?
        try check(git_repository_config_snapshot(&config, pointer), "git_repository_config_snapshot")
        defer { git_config_free(config) }
        var value: Int32 = 0
        let result = git_config_get_bool(&value, config, key)
        if result == GIT_ENOTFOUND.rawValue { return nil }
        try check(result, "git_config_get_bool")
        return value != 0
    }

    /// Sets a value in the repository's own configuration (`.git/config`).
    public func setConfig(_ key: String, _ value: String) throws {
        try withLocalConfig { local in try check(git_config_set_string(local, key, value), "git_config_set_string") }
    }

    /// Removes a key from the repository's own configuration; nothing happens when it is not there.
    public func removeConfig(_ key: String) throws {
        try withLocalConfig { local in
            let status = git_config_delete_entry(local, key)
            if status != GIT_ENOTFOUND.rawValue { try check(status, "git_config_delete_entry") }
        }
    }

    /// Runs `body` on the repository's own configuration file (`.git/config`).
    private func withLocalConfig(_ body: (OpaquePointer?) throws -> Void) throws {
        var config: OpaquePointer?
        try check(git_repository_config(&config, pointer), "git_repository_config")
        defer { git_config_free(config) }
        var local: OpaquePointer?
        try check(git_config_open_level(&local, config, GIT_CONFIG_LEVEL_LOCAL), "git_config_open_level")
        defer { git_config_free(local) }
        try body(local)
    }
}

