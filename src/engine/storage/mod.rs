//! Storage decisions of the control plane, as pure functions over typed objects: which
//! PersistentVolume a claim gets and why the others do not (the binding explainer), the
//! default StorageClass, what a provisioner creates, what happens to a volume whose claim is
//! gone, and whether a claim may grow. The PV controller, the scheduler and the views call
//! these; nothing here stores state, writes objects or records events.

mod binder;
mod class;
pub mod events;
mod expand;
mod explain;
mod matching;
mod protection;
mod provision;
mod quantity;
mod reclaim;

pub use binder::*;
pub use class::*;
pub use expand::*;
pub use explain::*;
pub use matching::*;
pub use protection::*;
pub use provision::*;
pub use reclaim::*;
