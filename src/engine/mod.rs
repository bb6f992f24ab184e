//! The engine: a pure, deterministic simulation of the Kubernetes control plane parts that
//! run a StatefulSet. No I/O, no wall clock, no unordered maps.
//!
//! Components decide in this fixed order, and the first with something to write takes the
//! step: garbage collector, StatefulSet controller, PersistentVolume controller, external
//! provisioners, scheduler, kubelets, EndpointSlice controller, protection controllers.
//! When none has work, the clock jumps to the earliest timer (kubelet delays, grace
//! periods, provisioning, minReadySeconds).

pub mod api;
pub mod chunked;
pub mod command;
pub mod dns;
pub mod endpoints;
pub mod endpointslice;
pub mod gc;
pub mod kubelet;
pub mod queue;
pub mod scheduler;
pub mod sim;
pub mod statefulset;
pub mod step;
pub mod storage;
pub mod text;
pub mod volume;
pub mod world;
