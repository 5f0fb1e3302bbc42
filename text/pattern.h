// Every regular expression of the program is a Pattern: an RE2 that refuses to exist
// when its text does not compile. A bad RE2 otherwise only logs to stderr and then
// never matches, so a typo in a pattern would silently turn a field off; here it
// throws std::logic_error on first use, which every test that reaches the pattern
// sees (tests/test_patterns.cpp also holds that no bare RE2 is declared elsewhere).
#pragma once

#include <re2/re2.h>

#include <stdexcept>
#include <string>
#include <utility>

namespace congvan {

class Pattern : public RE2 {
public:
    template <typename... Args>
    explicit Pattern(Args&&... args) : RE2(std::forward<Args>(args)...) {
        if (!ok()) throw std::logic_error("regular expression does not compile (" + error() + "): " + pattern());
    }
};

}  // namespace congvan
