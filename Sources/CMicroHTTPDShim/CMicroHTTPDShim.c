#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <unistd.h>
#include "CMicroHTTPDShim.h"

// MHD decodes percent-escapes in the path and the arguments by default; RTDB must see `%2F`
// inside a segment to refuse it, so decoding is left to the application.
static size_t sartor_identity_unescape(void *context, struct MHD_Connection *connection,
                                       char *text) {
    (void)context;
    (void)connection;
    return strlen(text);
}

struct MHD_Daemon *sartor_mhd_start(const struct sartor_mhd_options *o) {
    unsigned int pool = o->thread_pool_size > 1 ? o->thread_pool_size : 0;
    return MHD_start_daemon(o->flags, 0, NULL, NULL, o->handler, o->handler_context,
                            MHD_OPTION_LISTEN_SOCKET, (MHD_socket)o->listen_fd,
                            MHD_OPTION_NOTIFY_COMPLETED, o->completed, o->completed_context,
                            MHD_OPTION_CONNECTION_LIMIT, o->connection_limit,
                            MHD_OPTION_CONNECTION_TIMEOUT, o->connection_timeout_s,
                            MHD_OPTION_CONNECTION_MEMORY_LIMIT, o->connection_memory_limit,
                            MHD_OPTION_THREAD_POOL_SIZE, pool,
                            MHD_OPTION_UNESCAPE_CALLBACK, sartor_identity_unescape, NULL,
                            MHD_OPTION_END);
}

int sartor_listen_socket(const char *host, uint16_t port, int backlog, uint16_t *bound_port) {
    struct sockaddr_storage address;
    socklen_t length;
    memset(&address, 0, sizeof address);
    struct sockaddr_in *v4 = (struct sockaddr_in *)&address;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&address;
    if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        length = sizeof *v4;
    } else if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(port);
        length = sizeof *v6;
    } else {
        return -EINVAL;
    }

    int fd = socket(address.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        return -errno;
    }
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (address.ss_family == AF_INET6) {
        setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    }
    if (bind(fd, (struct sockaddr *)&address, length) != 0 || listen(fd, backlog) != 0) {
        int saved = errno;
        close(fd);
        return -saved;
    }

    length = sizeof address;
    if (getsockname(fd, (struct sockaddr *)&address, &length) != 0) {
        int saved = errno;
        close(fd);
        return -saved;
    }
    *bound_port = ntohs(address.ss_family == AF_INET ? v4->sin_port : v6->sin6_port);
    return fd;
}
