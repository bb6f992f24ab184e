//! Storage decisions of the control plane, as pure functions over typed objects: which
//! PersistentVolume a claim gets and why the others do not (the binding explainer), the
//! default StorageClass, what a provisioner creates, what happens to a volume whose claim is
//! gone, and whether a claim may grow. The PV controller, the scheduler and the views call
//! these; nothing here stores state, writes objects or records events.
//!
//! Code map: `matching` (FindMatchingVolume, the access-mode index search and their
//! predicates), `binder` (one sync of an unbound claim, the bind steps), `explain` (the
//! per-volume table and outcome in English and Chinese), `class` (default class,
//! admission, retroactive assignment), `provision` (provisioner resolution, claim
//! annotations, the provisioned volume), `reclaim` (volume sync, bound claim sync, reclaim
//! policies), `expand` (resize checks), `protection` (in-use finalizers), `events` (event
//! reasons and messages), `quantity` (sizes in bytes, until `manifest::quantity` exists).

mod binder;
mod class;
pub mod events;
mod expand;
mod explain;
mod matching;
mod protection;
mod provision;
mod quantity;
pub use quantity::quantity_bytes;
mod reclaim;

pub use binder::*;
pub use class::*;
pub use expand::*;
pub use explain::*;
pub use matching::*;
pub use protection::*;
pub use provision::*;
pub use reclaim::*;
