import CCurlShim
import Glibc

/// libcurl's socket and timer callbacks, and the epoll side of the loop.
extension CurlEventLoop {
    func configureMulti() {
        let context = Unmanaged.passUnretained(self).toOpaque()
        sartor_curl_multi_setopt_socket_function(multi, socketChanged)
        sartor_curl_multi_setopt_pointer(multi, CURLMOPT_SOCKETDATA, context)
        sartor_curl_multi_setopt_timer_function(multi, timerChanged)
        sartor_curl_multi_setopt_pointer(multi, CURLMOPT_TIMERDATA, context)
        sartor_curl_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        let connections = max(configuration.maxConnections, 1)
        sartor_curl_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, connections)
        sartor_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, connections)
        sartor_curl_multi_setopt_long(
            multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(configuration.maxConnectionsPerHost, 0))
    }

    /// Follows libcurl's wish to watch `fd` for reading, writing, both, or no longer.
    func watch(_ fd: Int32, what: Int32) {
        let index = Int(fd)
        if index >= watched.count {
            watched.append(contentsOf: repeatElement(false, count: index + 1 - watched.count))
        }
        if what == CURL_POLL_REMOVE {
            if watched[index] {
                epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, nil)
                watched[index] = false
            }
            return
        }

        var event = epoll_event()
        event.events =
            (what & CURL_POLL_IN != 0 ? EPOLLIN.rawValue : 0)
            | (what & CURL_POLL_OUT != 0 ? EPOLLOUT.rawValue : 0)
        event.data.fd = fd
        if epoll_ctl(epollFD, watched[index] ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event) != 0 {
            // The descriptor was closed and reused, or closed behind our back: retry the other way.
            epoll_ctl(epollFD, errno == EEXIST ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event)
        }
        watched[index] = true
    }

    /// Passes one readiness event to libcurl, or drains the wake-up counter.
    func service(_ event: epoll_event) {
        let fd = event.data.fd
        if fd == wakeFD {
            var count: UInt64 = 0
            _ = read(wakeFD, &count, MemoryLayout<UInt64>.size)
            return
        }
        var flags: Int32 = 0
        if event.events & (EPOLLIN.rawValue | EPOLLHUP.rawValue) != 0 {
            flags |= CURL_CSELECT_IN
        }
        if event.events & EPOLLOUT.rawValue != 0 {
            flags |= CURL_CSELECT_OUT
        }
        if event.events & EPOLLERR.rawValue != 0 {
            flags |= CURL_CSELECT_ERR
        }
        var running: Int32 = 0
        curl_multi_socket_action(multi, fd, flags, &running)
    }

    /// Lets libcurl handle its expired timeouts (starting new transfers is one of them).
    func fireTimerIfDue() {
        guard let deadline = timerDeadlineMillis, deadline <= Self.nowMillis() else { return }
        timerDeadlineMillis = nil
        var running: Int32 = 0
        curl_multi_socket_action(multi, sartor_curl_socket_timeout(), 0, &running)
    }

    /// How long `epoll_wait` may sleep: until libcurl's next timeout, or until woken.
    func pollTimeoutMillis() -> Int32 {
        guard let deadline = timerDeadlineMillis else { return -1 }
        return Int32(clamping: max(deadline - Self.nowMillis(), 0))
    }

    static func nowMillis() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}

private let socketChanged: curl_socket_callback = { _, fd, what, context, _ in
    let loop = Unmanaged<CurlEventLoop>.fromOpaque(context!).takeUnretainedValue()
    loop.watch(fd, what: what)
    return 0
}

private let timerChanged: curl_multi_timer_callback = { _, timeoutMillis, context in
    let loop = Unmanaged<CurlEventLoop>.fromOpaque(context!).takeUnretainedValue()
    loop.timerDeadlineMillis =
        timeoutMillis < 0 ? nil : CurlEventLoop.nowMillis() + Int64(timeoutMillis)
    return 0
}
