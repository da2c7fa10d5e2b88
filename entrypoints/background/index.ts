export default defineBackground(() => {
  // wiring added by setup modules
});
