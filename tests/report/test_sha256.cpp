// SHA-256 (report/sha256.hpp) against the example vectors of FIPS 180-2 (appendix B) and the
// padding boundaries, and a file's digest against that of its bytes.

#include <catch2/catch.hpp>

#include <string>

#include "../support/temp_dir.hpp"
#include "report/sha256.hpp"

using werkstroom::report::sha256_file_hex;
using werkstroom::report::sha256_hex;

TEST_CASE("SHA-256 gives the FIPS 180-2 example digests", "[report][sha256]") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("SHA-256 pads messages around the block boundary", "[report][sha256]") {
  // 55 bytes fit one block with the length, 56 need a second (values from sha256sum).
  CHECK(sha256_hex(std::string(55, 'a')) ==
        "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(std::string(56, 'a')) ==
        "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256_hex(std::string(64, 'a')) ==
        "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("The SHA-256 of a file is that of its bytes", "[report][sha256]") {
  const werkstroom::test::TempDir dir;
  const std::string text = "description = \"x\"\n\xc3\xa9\n";
  const auto file = dir.write("s.toml", text);
  CHECK(sha256_file_hex(file) == sha256_hex(text));
  CHECK_THROWS_AS(sha256_file_hex(dir.path() / "missing.toml"), std::runtime_error);
}
