Creator "igraph (python-igraph)"
Version 1
graph
[
  directed 1
  node
  [
    id 0
    name "ROMUALD"
  ]
  node
  [
    id 1
    name "BONAVENTURE"
  ]
  node
  [
    id 2
    name "AMBROSE"
  ]
  node
  [
    id 3
    name "BERTHOLD"
  ]
  node
  [
    id 4
    name "PETER"
  ]
  node
  [
    id 5
    name "LOUIS"
  ]
  node
  [
    id 6
    name "VICTOR"
  ]
  node
  [
    id 7
    name "WINFRID"
  ]
  node
  [
    id 8
    name "JOHN_BOSCO"
  ]
  node
  [
    id 9
    name "GREGORY"
  ]
  node
  [
    id 10
    name "HUGH"
  ]
  node
  [
    id 11
    name "BONIFACE"
  ]
  node
  [
    id 12
    name "MARK"
  ]
  node
  [
    id 13
    name "ALBERT"
  ]
  node
  [
    id 14
    name "AMAND"
  ]
  node
  [
    id 15
    name "BASIL"
  ]
  node
  [
    id 16
    name "ELIAS"
  ]
  node
  [
    id 17
    name "SIMPLICIUS"
  ]
  edge
  [
    source 0
    target 1
    weight 1
  ]
  edge
  [
    source 0
    target 2
    weight 1
  ]
  edge
  [
    source 0
    target 4
    weight 1
  ]
  edge
  [
    source 0
    target 14
    weight 1
  ]
  edge
  [
    source 1
    target 2
    weight 1
  ]
  edge
  [
    source 1
    target 4
    weight 1
  ]
  edge
  [
    source 1
    target 5
    weight 1
  ]
  edge
  [
    source 1
    target 9
    weight 1
  ]
  edge
  [
    source 1
    target 15
    weight -1
  ]
  edge
  [
    source 1
    target 16
    weight -1
  ]
  edge
  [
    source 1
    target 17
    weight -1
  ]
  edge
  [
    source 2
    target 1
    weight 1
  ]
  edge
  [
    source 2
    target 4
    weight 1
  ]
  edge
  [
    source 2
    target 6
    weight 1
  ]
  edge
  [
    source 2
    target 7
    weight 1
  ]
  edge
  [
    source 2
    target 7
    weight -1
  ]
  edge
  [
    source 2
    target 8
    weight 1
  ]
  edge
  [
    source 2
    target 9
    weight 1
  ]
  edge
  [
    source 2
    target 14
    weight -1
  ]
  edge
  [
    source 2
    target 15
    weight -1
  ]
  edge
  [
    source 2
    target 16
    weight -1
  ]
  edge
  [
    source 2
    target 17
    weight -1
  ]
  edge
  [
    source 3
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
    source 3
    target 4
    weight 1
  ]
  edge
  [
    source 3
    target 5
    weight 1
  ]
  edge
  [
    source 3
    target 9
    weight 1
  ]
  edge
  [
    source 3
    target 9
    weight -1
  ]
  edge
  [
    source 3
    target 6
    weight -1
  ]
  edge
  [
    source 3
    target 12
    weight -1
  ]
  edge
  [
    source 3
    target 14
    weight -1
  ]
  edge
  [
    source 3
    target 15
    weight -1
  ]
  edge
  [
    source 3
    target 16
    weight -1
  ]
  edge
  [
    source 3
    target 17
    weight -1
  ]
  edge
  [
    source 4
    target 0
    weight 1
  ]
  edge
  [
    source 4
    target 1
    weight 1
  ]
  edge
  [
    source 4
    target 3
    weight 1
  ]
  edge
  [
    source 4
    target 5
    weight 1
  ]
  edge
  [
    source 4
    target 8
    weight -1
  ]
  edge
  [
    source 4
    target 9
    weight -1
  ]
  edge
  [
    source 4
    target 10
    weight -1
  ]
  edge
  [
    source 4
    target 12
    weight -1
  ]
  edge
  [
    source 5
    target 1
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
    source 5
    target 4
    weight 1
  ]
  edge
  [
    source 5
    target 6
    weight 1
  ]
  edge
  [
    source 5
    target 10
    weight 1
  ]
  edge
  [
    source 5
    target 10
    weight -1
  ]
  edge
  [
    source 5
    target 13
    weight 1
  ]
  edge
  [
    source 5
    target 13
    weight -1
  ]
  edge
  [
    source 5
    target 8
    weight -1
  ]
  edge
  [
    source 5
    target 9
    weight -1
  ]
  edge
  [
    source 5
    target 12
    weight -1
  ]
  edge
  [
    source 5
    target 15
    weight -1
  ]
  edge
  [
    source 5
    target 16
    weight -1
  ]
  edge
  [
    source 5
    target 17
    weight -1
  ]
  edge
  [
    source 6
    target 1
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
    source 6
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
    source 6
    target 5
    weight 1
  ]
  edge
  [
    source 6
    target 8
    weight 1
  ]
  edge
  [
    source 6
    target 7
    weight -1
  ]
  edge
  [
    source 6
    target 9
    weight -1
  ]
  edge
  [
    source 6
    target 10
    weight -1
  ]
  edge
  [
    source 6
    target 13
    weight -1
  ]
  edge
  [
    source 6
    target 14
    weight -1
  ]
  edge
  [
    source 6
    target 15
    weight -1
  ]
  edge
  [
    source 6
    target 16
    weight -1
  ]
  edge
  [
    source 6
    target 17
    weight -1
  ]
  edge
  [
    source 7
    target 8
    weight 1
  ]
  edge
  [
    source 7
    target 9
    weight 1
  ]
  edge
  [
    source 7
    target 10
    weight 1
  ]
  edge
  [
    source 7
    target 10
    weight -1
  ]
  edge
  [
    source 7
    target 12
    weight 1
  ]
  edge
  [
    source 7
    target 16
    weight -1
  ]
  edge
  [
    source 7
    target 17
    weight -1
  ]
  edge
  [
    source 8
    target 1
    weight 1
  ]
  edge
  [
    source 8
    target 6
    weight 1
  ]
  edge
  [
    source 8
    target 7
    weight 1
  ]
  edge
  [
    source 8
    target 9
    weight 1
  ]
  edge
  [
    source 8
    target 9
    weight -1
  ]
  edge
  [
    source 8
    target 10
    weight 1
  ]
  edge
  [
    source 8
    target 12
    weight 1
  ]
  edge
  [
    source 8
    target 12
    weight -1
  ]
  edge
  [
    source 8
    target 15
    weight 1
  ]
  edge
  [
    source 8
    target 15
    weight -1
  ]
  edge
  [
    source 8
    target 16
    weight 1
  ]
  edge
  [
    source 8
    target 0
    weight -1
  ]
  edge
  [
    source 8
    target 5
    weight -1
  ]
  edge
  [
    source 8
    target 13
    weight -1
  ]
  edge
  [
    source 8
    target 17
    weight -1
  ]
  edge
  [
    source 9
    target 1
    weight 1
  ]
  edge
  [
    source 9
    target 6
    weight 1
  ]
  edge
  [
    source 9
    target 6
    weight -1
  ]
  edge
  [
    source 9
    target 7
    weight 1
  ]
  edge
  [
    source 9
    target 8
    weight 1
  ]
  edge
  [
    source 9
    target 12
    weight 1
  ]
  edge
  [
    source 9
    target 4
    weight -1
  ]
  edge
  [
    source 9
    target 14
    weight -1
  ]
  edge
  [
    source 9
    target 15
    weight -1
  ]
  edge
  [
    source 10
    target 7
    weight 1
  ]
  edge
  [
    source 10
    target 8
    weight 1
  ]
  edge
  [
    source 10
    target 9
    weight 1
  ]
  edge
  [
    source 10
    target 11
    weight 1
  ]
  edge
  [
    source 10
    target 13
    weight 1
  ]
  edge
  [
    source 10
    target 4
    weight -1
  ]
  edge
  [
    source 10
    target 5
    weight -1
  ]
  edge
  [
    source 10
    target 6
    weight -1
  ]
  edge
  [
    source 10
    target 14
    weight -1
  ]
  edge
  [
    source 10
    target 15
    weight -1
  ]
  edge
  [
    source 10
    target 16
    weight -1
  ]
  edge
  [
    source 10
    target 17
    weight -1
  ]
  edge
  [
    source 11
    target 7
    weight 1
  ]
  edge
  [
    source 11
    target 8
    weight 1
  ]
  edge
  [
    source 11
    target 9
    weight 1
  ]
  edge
  [
    source 11
    target 10
    weight 1
  ]
  edge
  [
    source 11
    target 12
    weight 1
  ]
  edge
  [
    source 11
    target 4
    weight -1
  ]
  edge
  [
    source 11
    target 5
    weight -1
  ]
  edge
  [
    source 11
    target 14
    weight -1
  ]
  edge
  [
    source 11
    target 15
    weight -1
  ]
  edge
  [
    source 11
    target 16
    weight -1
  ]
  edge
  [
    source 11
    target 17
    weight -1
  ]
  edge
  [
    source 12
    target 7
    weight 1
  ]
  edge
  [
    source 12
    target 9
    weight 1
  ]
  edge
  [
    source 12
    target 11
    weight 1
  ]
  edge
  [
    source 12
    target 13
    weight 1
  ]
  edge
  [
    source 12
    target 3
    weight -1
  ]
  edge
  [
    source 12
    target 4
    weight -1
  ]
  edge
  [
    source 12
    target 6
    weight -1
  ]
  edge
  [
    source 12
    target 15
    weight -1
  ]
  edge
  [
    source 12
    target 16
    weight -1
  ]
  edge
  [
    source 13
    target 7
    weight 1
  ]
  edge
  [
    source 13
    target 9
    weight 1
  ]
  edge
  [
    source 13
    target 11
    weight 1
  ]
  edge
  [
    source 13
    target 12
    weight 1
  ]
  edge
  [
    source 13
    target 4
    weight -1
  ]
  edge
  [
    source 13
    target 5
    weight -1
  ]
  edge
  [
    source 13
    target 14
    weight -1
  ]
  edge
  [
    source 13
    target 15
    weight -1
  ]
  edge
  [
    source 13
    target 16
    weight -1
  ]
  edge
  [
    source 13
    target 17
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
    source 14
    target 5
    weight 1
  ]
  edge
  [
    source 14
    target 12
    weight 1
  ]
  edge
  [
    source 14
    target 17
    weight 1
  ]
  edge
  [
    source 14
    target 17
    weight -1
  ]
  edge
  [
    source 14
    target 3
    weight -1
  ]
  edge
  [
    source 14
    target 7
    weight -1
  ]
  edge
  [
    source 14
    target 9
    weight -1
  ]
  edge
  [
    source 14
    target 15
    weight -1
  ]
  edge
  [
    source 14
    target 16
    weight -1
  ]
  edge
  [
    source 15
    target 8
    weight 1
  ]
  edge
  [
    source 15
    target 14
    weight 1
  ]
  edge
  [
    source 15
    target 16
    weight 1
  ]
  edge
  [
    source 15
    target 17
    weight 1
  ]
  edge
  [
    source 15
    target 3
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
    source 15
    target 9
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
    source 15
    target 13
    weight -1
  ]
  edge
  [
    source 16
    target 9
    weight 1
  ]
  edge
  [
    source 16
    target 14
    weight 1
  ]
  edge
  [
    source 16
    target 15
    weight 1
  ]
  edge
  [
    source 16
    target 17
    weight 1
  ]
  edge
  [
    source 16
    target 3
    weight -1
  ]
  edge
  [
    source 16
    target 4
    weight -1
  ]
  edge
  [
    source 16
    target 6
    weight -1
  ]
  edge
  [
    source 17
    target 8
    weight 1
  ]
  edge
  [
    source 17
    target 9
    weight 1
  ]
  edge
  [
    source 17
    target 15
    weight 1
  ]
  edge
  [
    source 17
    target 16
    weight 1
  ]
  edge
  [
    source 17
    target 0
    weight -1
  ]
  edge
  [
    source 17
    target 3
    weight -1
  ]
  edge
  [
    source 17
    target 4
    weight -1
  ]
  edge
  [
    source 17
    target 5
    weight -1
  ]
  edge
  [
    source 17
    target 6
    weight -1
  ]
]
