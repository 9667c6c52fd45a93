#ifndef KHO_CLIBCRYPTO_SHIM_H
#define KHO_CLIBCRYPTO_SHIM_H
// OpenSSL's libcrypto, for digests only: its SHA-256 uses the CPU's SHA extensions and its SHA-512
// the AVX2 code path, about twice BoringSSL's SHA-512 speed on the archive's machines.
#include <openssl/evp.h>
#endif
