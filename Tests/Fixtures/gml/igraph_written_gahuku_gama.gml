Creator "igraph (python-igraph)"
Version 1
graph
[
  directed 0
  node
  [
    id 0
    name "Gavev"
  ]
  node
  [
    id 1
    name "Kotun"
  ]
  node
  [
    id 2
    name "Ove"
  ]
  node
  [
    id 3
    name "Alika"
  ]
  node
  [
    id 4
    name "Nagam"
  ]
  node
  [
    id 5
    name "Gahuk"
  ]
  node
  [
    id 6
    name "Masil"
  ]
  node
  [
    id 7
    name "Ukudz"
  ]
  node
  [
    id 8
    name "Notoh"
  ]
  node
  [
    id 9
    name "Kohik"
  ]
  node
  [
    id 10
    name "Geham"
  ]
  node
  [
    id 11
    name "Asaro"
  ]
  node
  [
    id 12
    name "Uheto"
  ]
  node
  [
    id 13
    name "Seuve"
  ]
  node
  [
    id 14
    name "Nagad"
  ]
  node
  [
    id 15
    name "Gama"
  ]
  edge
  [
    source 1
    target 0
    weight 1
  ]
  edge
  [
    source 2
    target 0
    weight -1
  ]
  edge
  [
    source 3
    target 0
    weight -1
  ]
  edge
  [
    source 4
    target 0
    weight -1
  ]
  edge
  [
    source 5
    target 0
    weight -1
  ]
  edge
  [
    source 11
    target 0
    weight -1
  ]
  edge
  [
    source 14
    target 0
    weight 1
  ]
  edge
  [
    source 15
    target 0
    weight 1
  ]
  edge
  [
    source 2
    target 1
    weight -1
  ]
  edge
  [
    source 4
    target 1
    weight -1
  ]
  edge
  [
    source 5
    target 1
    weight -1
  ]
  edge
  [
    source 8
    target 1
    weight -1
  ]
  edge
  [
    source 9
    target 1
    weight -1
  ]
  edge
  [
    source 14
    target 1
    weight 1
  ]
  edge
  [
    source 15
    target 1
    weight 1
  ]
  edge
  [
    source 3
    target 2
    weight 1
  ]
  edge
  [
    source 5
    target 2
    weight 1
  ]
  edge
  [
    source 6
    target 2
    weight 1
  ]
  edge
  [
    source 7
    target 2
    weight 1
  ]
  edge
  [
    source 7
    target 3
    weight 1
  ]
  edge
  [
    source 6
    target 4
    weight 1
  ]
  edge
  [
    source 8
    target 4
    weight 1
  ]
  edge
  [
    source 13
    target 4
    weight 1
  ]
  edge
  [
    source 14
    target 4
    weight -1
  ]
  edge
  [
    source 15
    target 4
    weight -1
  ]
  edge
  [
    source 6
    target 5
    weight 1
  ]
  edge
  [
    source 7
    target 5
    weight 1
  ]
  edge
  [
    source 8
    target 5
    weight -1
  ]
  edge
  [
    source 10
    target 5
    weight 1
  ]
  edge
  [
    source 11
    target 5
    weight 1
  ]
  edge
  [
    source 12
    target 5
    weight -1
  ]
  edge
  [
    source 15
    target 5
    weight -1
  ]
  edge
  [
    source 7
    target 6
    weight 1
  ]
  edge
  [
    source 10
    target 6
    weight 1
  ]
  edge
  [
    source 11
    target 6
    weight 1
  ]
  edge
  [
    source 12
    target 6
    weight 1
  ]
  edge
  [
    source 10
    target 7
    weight 1
  ]
  edge
  [
    source 11
    target 7
    weight 1
  ]
  edge
  [
    source 13
    target 7
    weight -1
  ]
  edge
  [
    source 9
    target 8
    weight 1
  ]
  edge
  [
    source 10
    target 8
    weight -1
  ]
  edge
  [
    source 12
    target 8
    weight 1
  ]
  edge
  [
    source 14
    target 8
    weight -1
  ]
  edge
  [
    source 10
    target 9
    weight -1
  ]
  edge
  [
    source 12
    target 9
    weight 1
  ]
  edge
  [
    source 14
    target 9
    weight -1
  ]
  edge
  [
    source 11
    target 10
    weight 1
  ]
  edge
  [
    source 12
    target 10
    weight -1
  ]
  edge
  [
    source 14
    target 10
    weight -1
  ]
  edge
  [
    source 15
    target 10
    weight -1
  ]
  edge
  [
    source 13
    target 11
    weight -1
  ]
  edge
  [
    source 14
    target 11
    weight -1
  ]
  edge
  [
    source 15
    target 11
    weight -1
  ]
  edge
  [
    source 13
    target 12
    weight 1
  ]
  edge
  [
    source 14
    target 12
    weight -1
  ]
  edge
  [
    source 15
    target 12
    weight -1
  ]
  edge
  [
    source 15
    target 13
    weight -1
  ]
  edge
  [
    source 15
    target 14
    weight 1
  ]
]
