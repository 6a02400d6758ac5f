#pragma once
#include <curl/curl.h>

// Typed wrappers for libcurl's variadic calls, which Swift cannot make directly.
CURLcode sartor_curl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode sartor_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode sartor_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode sartor_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLMcode sartor_curl_multi_setopt_long(CURLM *multi, CURLMoption option, long value);
