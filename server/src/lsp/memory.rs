//! How the server's allocator keeps freed memory. glibc gives each thread
//! that allocates an arena of its own, and a server that analyses a long
//! text on pool threads keeps freed text-sized blocks in each of them (at
//! 10 MB its peak RSS was half again its heap: 131 MiB). Two arenas bring
//! it to 108 MiB at the same speed. (A fixed mmap threshold of 256 KiB
//! gave 91 MiB, but every keystroke then faulted its large lists in afresh
//! and took half again as long: not taken.)

/// Sets the allocator up for the server; call before any thread starts.
pub fn settle_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only changes a parameter of glibc's allocator; it
    // is called once, before the server's threads exist.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}
