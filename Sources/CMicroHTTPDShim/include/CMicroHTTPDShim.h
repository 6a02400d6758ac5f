#pragma once
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <stddef.h>
#include <stdint.h>
#include <microhttpd.h>

/// Everything `sartor_mhd_start` passes to MHD_start_daemon, which is variadic and so cannot be
/// called from Swift.
struct sartor_mhd_options {
    unsigned int flags;
    /// A bound, listening socket from `sartor_listen_socket`; MHD takes it over.
    int listen_fd;
    /// Worker threads, each with its own epoll set; 0 or 1 means a single polling thread.
    unsigned int thread_pool_size;
    /// Connections beyond this are accepted and closed at once.
    unsigned int connection_limit;
    /// Seconds of silence after which MHD closes a connection; 0 disables the timeout.
    unsigned int connection_timeout_s;
    /// Bytes of per-connection memory for headers and buffers.
    size_t connection_memory_limit;
    MHD_AccessHandlerCallback handler;
    void *handler_context;
    MHD_RequestCompletedCallback completed;
    void *completed_context;
};

/// Starts a daemon with `options` and an identity URL unescaper, so that the handler sees the
/// path and the query arguments exactly as the client sent them. Returns NULL on failure.
struct MHD_Daemon *sartor_mhd_start(const struct sartor_mhd_options *options);

/// Creates a TCP socket bound to `host` (numeric IPv4 or IPv6) and `port` (0 picks a free one),
/// listening with `backlog`. Returns the descriptor and stores the bound port in `bound_port`,
/// or returns -errno (-EINVAL for a host that is not a numeric address).
int sartor_listen_socket(const char *host, uint16_t port, int backlog, uint16_t *bound_port);
