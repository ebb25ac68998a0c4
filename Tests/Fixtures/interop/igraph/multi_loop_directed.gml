Creator "igraph version 1.0.0"
Version 1
graph
[
  directed 1
  node
  [
    id 0
    name "a"
  ]
  node
  [
    id 1
    name "b"
  ]
  node
  [
    id 2
    name "c"
  ]
  node
  [
    id 3
    name "d"
  ]
  edge
  [
    source 0
    target 1
  ]
  edge
  [
    source 0
    target 1
  ]
  edge
  [
    source 1
    target 2
  ]
  edge
  [
    source 2
    target 2
  ]
  edge
  [
    source 2
    target 3
  ]
]
