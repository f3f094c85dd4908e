#include "crypto/sha256.hpp"

#include <fstream>
#include <memory>

#include <fmt/format.h>
#include <openssl/evp.h>

#include "core/error.hpp"

namespace bostad::crypto {
namespace {

struct MdContextDeleter {
    void operator()(EVP_MD_CTX* c) const noexcept { EVP_MD_CTX_free(c); }
};

class Hasher {
public:
    Hasher() : m_ctx(EVP_MD_CTX_new()) {
        if (!m_ctx || EVP_DigestInit_ex(m_ctx.get(), EVP_sha256(), nullptr) != 1) throw InternalError("SHA-256 unavailable");
    }
    void add(const char* data, std::size_t n) { EVP_DigestUpdate(m_ctx.get(), data, n); }
    std::string hex() {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int n = 0;
        EVP_DigestFinal_ex(m_ctx.get(), digest, &n);
        std::string out;
        for (unsigned int i = 0; i < n; ++i) out += fmt::format("{:02x}", digest[i]);
        return out;
    }

private:
    std::unique_ptr<EVP_MD_CTX, MdContextDeleter> m_ctx;
};

} // namespace

std::string sha256_files(const std::vector<std::string>& paths) {
    Hasher h;
    std::vector<char> buf(1 << 20);
    for (const auto& p : paths) {
        std::ifstream in(p, std::ios::binary);
        if (!in) throw InputError(fmt::format("{}: cannot be read", p));
        while (in) {
            in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
            h.add(buf.data(), static_cast<std::size_t>(in.gcount()));
        }
    }
    return h.hex();
}

std::string sha256_text(const std::string& text) {
    Hasher h;
    h.add(text.data(), text.size());
    return h.hex();
}

} // namespace bostad::crypto
