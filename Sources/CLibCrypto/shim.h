#include <openssl/evp.h>
#include <stddef.h>

/* SHA-256 of one buffer with a digest context kept per thread: OpenSSL 3's one-shot SHA256()
   fetches the algorithm and allocates a context on every call, which costs twice the hashing
   itself for a 200-byte record. Returns 1 on success, as OpenSSL does. */
static inline int muster_sha256(const void *data, size_t length, unsigned char digest[32]) {
    static __thread EVP_MD_CTX *context;
    static __thread EVP_MD *algorithm;
    if (context == NULL) {
        context = EVP_MD_CTX_new();
        algorithm = EVP_MD_fetch(NULL, "SHA256", NULL);
        if (context == NULL || algorithm == NULL) return 0;
    }
    unsigned int size = 0;
    return EVP_DigestInit_ex(context, algorithm, NULL)
        && EVP_DigestUpdate(context, data, length)
        && EVP_DigestFinal_ex(context, digest, &size);
}
