#include "store/beside.hpp"

#include <memory>

#include "store/store.hpp"

namespace bostad::store {

std::future<void> beside(Store& store, std::function<void(StatusSource&, FeatureSource&)> work) {
    std::shared_ptr<SharedSnapshot> reader = store.share_snapshot();
    if (!reader) {
        std::promise<void> done;
        try {
            work(store.status(), store.features());
            done.set_value();
        } catch (...) {
            done.set_exception(std::current_exception());
        }
        return done.get_future();
    }
    return std::async(std::launch::async, [reader, work = std::move(work)] { work(reader->status(), reader->features()); });
}

} // namespace bostad::store
