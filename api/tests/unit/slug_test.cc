#include "conduit/slug.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

namespace conduit {
namespace {

TEST(Slugify, AsciiTitle) {
    EXPECT_EQ(slugify("How to train your dragon"), "how-to-train-your-dragon");
    EXPECT_EQ(slugify("Dragons"), "dragons");
    EXPECT_EQ(slugify("Top 10 Tips"), "top-10-tips");
}

TEST(Slugify, LowercasesLetters) { EXPECT_EQ(slugify("HELLO World"), "hello-world"); }

TEST(Slugify, PunctuationRunBecomesOneDash) {
    EXPECT_EQ(slugify("C++ & Rust: 2024"), "c-rust-2024");
    EXPECT_EQ(slugify("a -- b"), "a-b");
    EXPECT_EQ(slugify("a\t\n b"), "a-b");
    EXPECT_EQ(slugify("what's up?"), "what-s-up");
}

TEST(Slugify, TrimsLeadingAndTrailingPunctuation) {
    EXPECT_EQ(slugify("  --Hello, World!!  "), "hello-world");
    EXPECT_EQ(slugify("...dots..."), "dots");
    EXPECT_EQ(slugify("-a-"), "a");
}

TEST(Slugify, NonAsciiIsSeparator) {
    EXPECT_EQ(slugify("Caf\xC3\xA9 au lait"), "caf-au-lait");
    EXPECT_EQ(slugify("na\xC3\xAFve"), "na-ve");
}

TEST(Slugify, NonAsciiOnlyBecomesArticle) {
    EXPECT_EQ(slugify("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"), "article");
    EXPECT_EQ(slugify("\xF0\x9F\x90\x89 \xF0\x9F\x94\xA5"), "article");
}

TEST(Slugify, EmptyOrPunctuationOnlyBecomesArticle) {
    EXPECT_EQ(slugify(""), "article");
    EXPECT_EQ(slugify("   "), "article");
    EXPECT_EQ(slugify("?!-_"), "article");
}

TEST(Slugify, ResultUsesOnlySlugCharacters) {
    std::string title;
    for (int c = 1; c < 256; ++c) title += static_cast<char>(c);
    const std::string slug = slugify(title);
    EXPECT_EQ(slug, "0123456789-abcdefghijklmnopqrstuvwxyz-abcdefghijklmnopqrstuvwxyz");
}

TEST(Slugify, CapsLengthAtOneHundred) {
    EXPECT_EQ(slugify(std::string(150, 'a')), std::string(100, 'a'));
    EXPECT_EQ(slugify(std::string(100, 'a')), std::string(100, 'a'));
}

TEST(Slugify, CapNeverEndsWithDash) {
    const std::string slug = slugify(std::string(100, 'a') + " tail");
    EXPECT_EQ(slug, std::string(100, 'a'));
}

TEST(Slugify, CapCountsSeparatorDash) {
    // The title is 99 letters, a separator and one more word, and the dash
    // must not push the slug past 100 characters.
    const std::string slug = slugify(std::string(99, 'a') + " b");
    EXPECT_LE(slug.size(), 100u) << slug;
    EXPECT_NE(slug.back(), '-') << slug;
}

TEST(Slugify, CapHoldsForEverySplitPoint) {
    for (std::size_t head = 90; head <= 101; ++head) {
        const std::string slug = slugify(std::string(head, 'a') + " " + std::string(20, 'b'));
        EXPECT_LE(slug.size(), 100u) << "head " << head << ": " << slug;
        EXPECT_NE(slug.back(), '-') << "head " << head << ": " << slug;
    }
}

TEST(Slugify, FeedGetsSuffix) {
    // "/api/articles/feed" is a route of its own, so "feed" cannot be a slug.
    for (const std::string title : {"feed", "Feed", " FEED! "}) {
        const std::string slug = slugify(title);
        EXPECT_TRUE(std::regex_match(slug, std::regex("feed-[0-9a-f]{8}")))
            << title << ": " << slug;
    }
    EXPECT_EQ(slugify("feed me"), "feed-me");
    EXPECT_EQ(slugify("feeds"), "feeds");
}

TEST(WithUniqueSuffix, AppendsDashAndEightHexDigits) {
    const std::string slug = with_unique_suffix("how-to-train");
    EXPECT_TRUE(std::regex_match(slug, std::regex("how-to-train-[0-9a-f]{8}"))) << slug;
}

TEST(WithUniqueSuffix, SuffixesDiffer) {
    // Two equal 32-bit draws in a row have a chance of 1 in 2^32.
    EXPECT_NE(with_unique_suffix("a"), with_unique_suffix("a"));
}

}  // namespace
}  // namespace conduit
