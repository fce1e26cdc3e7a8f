// How many fields an aggregate has, found by the compiler: a comparison written
// field by field checks with it that it names them all, so a field added later
// cannot be left out of it unnoticed.
#pragma once

#include <cstddef>
#include <utility>

namespace kiosk {

namespace field_count_detail {

// Converts to any field's type; only ever named in unevaluated contexts.
struct AnyField {
    template <typename T>
    operator T() const;
};

template <typename T, typename... A>
constexpr auto initializable(int) -> decltype(T{std::declval<A>()...}, true) {
    return true;
}
template <typename T, typename... A>
constexpr bool initializable(...) {
    return false;
}

}  // namespace field_count_detail

// The number of fields of aggregate `T` (without base classes).
template <typename T, typename... A>
constexpr size_t field_count() {
    using field_count_detail::AnyField;
    if constexpr (field_count_detail::initializable<T, A..., AnyField>(0))
        return field_count<T, A..., AnyField>();
    else
        return sizeof...(A);
}

}  // namespace kiosk
