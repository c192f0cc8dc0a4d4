// SPDX-License-Identifier: MIT
#pragma once

namespace ui {

/// The wizard's steps, in order; also the QWizard page ids.
enum class PageId { Source = 0, Profile, Generator, Training, Compare, Export };

inline constexpr int pageIndex(PageId id) { return static_cast<int>(id); }
inline constexpr int kPageCount = 6;

} // namespace ui
