// glibc's malloc tuning (<malloc.h>, which Swift's Glibc module leaves out), for the server's
// MemoryUpkeep. Does nothing with another C library.
#ifndef NAP_CMALLOC_SHIM_H
#define NAP_CMALLOC_SHIM_H

#include <stdlib.h>
#if defined(__GLIBC__)
#include <malloc.h>

/// At most `count` malloc arenas for the process.
static inline int nap_malloc_limit_arenas(int count) {
    return mallopt(M_ARENA_MAX, count);
}

/// Gives the free pages of every arena back to the system.
static inline int nap_malloc_trim(void) {
    return malloc_trim(0);
}
#else
// Another C library: nothing to tune.
static inline int nap_malloc_limit_arenas(int count) { (void)count; return 0; }
static inline int nap_malloc_trim(void) { return 0; }
#endif

#endif
