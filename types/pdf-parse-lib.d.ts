// The library file itself: pdf-parse's index.js reads a test PDF of its own when it believes it is run
// directly, which it does under jest (module.parent is unset there).
declare module 'pdf-parse/lib/pdf-parse.js' {
  import pdf from 'pdf-parse'
  export default pdf
}
