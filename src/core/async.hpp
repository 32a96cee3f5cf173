#pragma once

// The one coroutine type of the code base. Features include only this light header, never
// Beast or the rest of Asio (ARCHITECTURE.md "Build speed and layering").
#include <boost/asio/awaitable.hpp>

namespace cabinet {

template <class T = void>
using Task = boost::asio::awaitable<T>;

}  // namespace cabinet
