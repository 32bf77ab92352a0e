// The one place nap touches libgit2's C headers. Variadic and macro-only
// parts of the API are wrapped here as static inline functions, because
// Swift cannot call C variadics or import function-like macros.
#ifndef NAP_CLIBGIT2_SHIM_H
#define NAP_CLIBGIT2_SHIM_H

#include <git2.h>
#include <git2/sys/repository.h>
#include <git2/sys/mempack.h>

/// Points libgit2's global and XDG config search at `path` (tests isolate configuration this way).
static inline int nap_git_set_search_path(git_config_level_t level, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, (int)level, path);
}

/// Turns libgit2's strict object creation (validating every referenced object) on or off.
static inline int nap_git_set_strict_object_creation(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, enabled);
}

/// Asks libgit2 to fsync objects and refs it writes.
static inline int nap_git_set_fsync(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}

/// Disables libgit2's check that the repository is owned by the current user.
static inline int nap_git_set_owner_validation(int enabled) {
    return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled);
}

/// Makes libgit2 trust the certificate authorities in `file` (PEM) for TLS instead of the system's.
static inline int nap_git_set_ssl_cert_file(const char *file) {
    return git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, file, NULL);
}

/// Sets how libgit2 maps pack files: `window` bytes per mapped window, at most `limit` bytes mapped at
/// once (least recently used windows are unmapped past it). Process-wide.
static inline int nap_git_set_pack_windows(size_t window, size_t limit) {
    int result = git_libgit2_opts(GIT_OPT_SET_MWINDOW_SIZE, window);
    if (result != 0) return result;
    return git_libgit2_opts(GIT_OPT_SET_MWINDOW_MAPPED_LIMIT, limit);
}

#ifdef __linux__
#include <spawn.h>
/// glibc's (2.34 and later) action that closes every descriptor from `from` on in a spawned child;
/// its header declares it only under _GNU_SOURCE, which Swift's Glibc module does not set.
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
static inline int nap_spawn_close_from(posix_spawn_file_actions_t *actions, int from) {
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
}
#endif

/// The largest tree libgit2 keeps parsed in its object cache (its default is 4 KiB).
static inline int nap_git_set_tree_cache_limit(size_t limit) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, limit);
}

/// The most libgit2's object cache holds in all (its default is 256 MiB).
static inline int nap_git_set_cache_max_size(ssize_t size) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_MAX_SIZE, size);
}

/// What `nap_git_set_pack_windows` set (libgit2's defaults before it).
static inline int nap_git_get_pack_windows(size_t *window, size_t *limit) {
    int result = git_libgit2_opts(GIT_OPT_GET_MWINDOW_SIZE, window);
    if (result != 0) return result;
    return git_libgit2_opts(GIT_OPT_GET_MWINDOW_MAPPED_LIMIT, limit);
}

#endif
