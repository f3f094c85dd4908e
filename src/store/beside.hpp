#pragma once
// Work beside the caller on the same read snapshot: on a reader that shares the store's snapshot
// (Store::share_snapshot) on a thread of its own, or here and now when the store cannot share it.

#include <functional>
#include <future>

namespace bostad::store {

class Store;
class StatusSource;
class FeatureSource;

/// Runs `work` beside this thread on a reader that shares the store's snapshot, or here and now when the store
/// cannot share it. Wait for the future before the snapshot ends (its destructor waits too); it rethrows what
/// `work` threw.
std::future<void> beside(Store& store, std::function<void(StatusSource&, FeatureSource&)> work);

} // namespace bostad::store
