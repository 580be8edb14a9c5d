// The one Catch2 main shared by all test programs (compiled once: the header is slow).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
