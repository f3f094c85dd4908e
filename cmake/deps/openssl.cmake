# OpenSSL libcrypto: SHA-256 checksums of ingested source files (provenance).
find_package(OpenSSL 3 REQUIRED COMPONENTS Crypto)
