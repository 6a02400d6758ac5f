#pragma once
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <stdint.h>
#include <microhttpd.h>

// MHD_start_daemon is variadic; this wrapper takes the options Swift needs as plain arguments.
struct MHD_Daemon *sartor_mhd_start(unsigned int flags, uint16_t port,
                                    MHD_AccessHandlerCallback handler, void *handler_context,
                                    MHD_RequestCompletedCallback completed, void *completed_context,
                                    unsigned int connection_limit, unsigned int connection_timeout_s,
                                    unsigned int thread_pool_size);
