//! The browser UI: Yew components only. Everything on screen is derived from the
//! simulation at the cursor; this layer owns no cluster state.
