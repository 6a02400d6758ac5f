#pragma once
#include <curl/curl.h>
// The event loop that drives libcurl's socket interface; Swift's Glibc module lacks these.
#include <sys/epoll.h>
#include <sys/eventfd.h>

// Typed wrappers for libcurl's variadic calls and macros, which Swift cannot use directly.

CURLcode sartor_curl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode sartor_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode sartor_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode sartor_curl_easy_setopt_off_t(CURL *handle, CURLoption option, curl_off_t value);
// For CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION, which share one signature.
CURLcode sartor_curl_easy_setopt_write_function(
    CURL *handle, CURLoption option, curl_write_callback callback);
CURLcode sartor_curl_easy_setopt_close_socket_function(
    CURL *handle, curl_closesocket_callback callback);

CURLcode sartor_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode sartor_curl_easy_getinfo_off_t(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode sartor_curl_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value);

CURLMcode sartor_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);
CURLMcode sartor_curl_multi_setopt_pointer(CURLM *multi, CURLMoption option, void *value);
CURLMcode sartor_curl_multi_setopt_socket_function(CURLM *multi, curl_socket_callback callback);
CURLMcode sartor_curl_multi_setopt_timer_function(
    CURLM *multi, curl_multi_timer_callback callback);

// The socket value that asks curl_multi_socket_action to handle expired timers.
curl_socket_t sartor_curl_socket_timeout(void);

// Reads the next finished transfer from the multi handle: returns 1 and fills `easy` and
// `result` when there is one, 0 when there is none left.
int sartor_curl_multi_next_done(CURLM *multi, CURL **easy, CURLcode *result);

// libcurl's version number (`7.88.1`); CURLVERSION_NOW is a macro.
const char *sartor_curl_version_number(void);
