graph [
  directed 1
  multigraph 1
  node [
    id 0
    label "ROMUALD"
  ]
  node [
    id 1
    label "BONAVENTURE"
  ]
  node [
    id 2
    label "AMBROSE"
  ]
  node [
    id 3
    label "BERTHOLD"
  ]
  node [
    id 4
    label "PETER"
  ]
  node [
    id 5
    label "LOUIS"
  ]
  node [
    id 6
    label "VICTOR"
  ]
  node [
    id 7
    label "WINFRID"
  ]
  node [
    id 8
    label "JOHN_BOSCO"
  ]
  node [
    id 9
    label "GREGORY"
  ]
  node [
    id 10
    label "HUGH"
  ]
  node [
    id 11
    label "BONIFACE"
  ]
  node [
    id 12
    label "MARK"
  ]
  node [
    id 13
    label "ALBERT"
  ]
  node [
    id 14
    label "AMAND"
  ]
  node [
    id 15
    label "BASIL"
  ]
  node [
    id 16
    label "ELIAS"
  ]
  node [
    id 17
    label "SIMPLICIUS"
  ]
  edge [
    source 0
    target 1
    key 0
    weight 1
  ]
  edge [
    source 0
    target 2
    key 0
    weight 1
  ]
  edge [
    source 0
    target 4
    key 0
    weight 1
  ]
  edge [
    source 0
    target 14
    key 0
    weight 1
  ]
  edge [
    source 1
    target 2
    key 0
    weight 1
  ]
  edge [
    source 1
    target 4
    key 0
    weight 1
  ]
  edge [
    source 1
    target 5
    key 0
    weight 1
  ]
  edge [
    source 1
    target 9
    key 0
    weight 1
  ]
  edge [
    source 1
    target 15
    key 0
    weight -1
  ]
  edge [
    source 1
    target 16
    key 0
    weight -1
  ]
  edge [
    source 1
    target 17
    key 0
    weight -1
  ]
  edge [
    source 2
    target 1
    key 0
    weight 1
  ]
  edge [
    source 2
    target 4
    key 0
    weight 1
  ]
  edge [
    source 2
    target 6
    key 0
    weight 1
  ]
  edge [
    source 2
    target 7
    key 0
    weight 1
  ]
  edge [
    source 2
    target 7
    key 1
    weight -1
  ]
  edge [
    source 2
    target 8
    key 0
    weight 1
  ]
  edge [
    source 2
    target 9
    key 0
    weight 1
  ]
  edge [
    source 2
    target 14
    key 0
    weight -1
  ]
  edge [
    source 2
    target 15
    key 0
    weight -1
  ]
  edge [
    source 2
    target 16
    key 0
    weight -1
  ]
  edge [
    source 2
    target 17
    key 0
    weight -1
  ]
  edge [
    source 3
    target 1
    key 0
    weight 1
  ]
  edge [
    source 3
    target 2
    key 0
    weight 1
  ]
  edge [
    source 3
    target 4
    key 0
    weight 1
  ]
  edge [
    source 3
    target 5
    key 0
    weight 1
  ]
  edge [
    source 3
    target 9
    key 0
    weight 1
  ]
  edge [
    source 3
    target 9
    key 1
    weight -1
  ]
  edge [
    source 3
    target 6
    key 0
    weight -1
  ]
  edge [
    source 3
    target 12
    key 0
    weight -1
  ]
  edge [
    source 3
    target 14
    key 0
    weight -1
  ]
  edge [
    source 3
    target 15
    key 0
    weight -1
  ]
  edge [
    source 3
    target 16
    key 0
    weight -1
  ]
  edge [
    source 3
    target 17
    key 0
    weight -1
  ]
  edge [
    source 4
    target 0
    key 0
    weight 1
  ]
  edge [
    source 4
    target 1
    key 0
    weight 1
  ]
  edge [
    source 4
    target 3
    key 0
    weight 1
  ]
  edge [
    source 4
    target 5
    key 0
    weight 1
  ]
  edge [
    source 4
    target 8
    key 0
    weight -1
  ]
  edge [
    source 4
    target 9
    key 0
    weight -1
  ]
  edge [
    source 4
    target 10
    key 0
    weight -1
  ]
  edge [
    source 4
    target 12
    key 0
    weight -1
  ]
  edge [
    source 5
    target 1
    key 0
    weight 1
  ]
  edge [
    source 5
    target 2
    key 0
    weight 1
  ]
  edge [
    source 5
    target 4
    key 0
    weight 1
  ]
  edge [
    source 5
    target 6
    key 0
    weight 1
  ]
  edge [
    source 5
    target 10
    key 0
    weight 1
  ]
  edge [
    source 5
    target 10
    key 1
    weight -1
  ]
  edge [
    source 5
    target 13
    key 0
    weight 1
  ]
  edge [
    source 5
    target 13
    key 1
    weight -1
  ]
  edge [
    source 5
    target 8
    key 0
    weight -1
  ]
  edge [
    source 5
    target 9
    key 0
    weight -1
  ]
  edge [
    source 5
    target 12
    key 0
    weight -1
  ]
  edge [
    source 5
    target 15
    key 0
    weight -1
  ]
  edge [
    source 5
    target 16
    key 0
    weight -1
  ]
  edge [
    source 5
    target 17
    key 0
    weight -1
  ]
  edge [
    source 6
    target 1
    key 0
    weight 1
  ]
  edge [
    source 6
    target 2
    key 0
    weight 1
  ]
  edge [
    source 6
    target 3
    key 0
    weight 1
  ]
  edge [
    source 6
    target 4
    key 0
    weight 1
  ]
  edge [
    source 6
    target 5
    key 0
    weight 1
  ]
  edge [
    source 6
    target 8
    key 0
    weight 1
  ]
  edge [
    source 6
    target 7
    key 0
    weight -1
  ]
  edge [
    source 6
    target 9
    key 0
    weight -1
  ]
  edge [
    source 6
    target 10
    key 0
    weight -1
  ]
  edge [
    source 6
    target 13
    key 0
    weight -1
  ]
  edge [
    source 6
    target 14
    key 0
    weight -1
  ]
  edge [
    source 6
    target 15
    key 0
    weight -1
  ]
  edge [
    source 6
    target 16
    key 0
    weight -1
  ]
  edge [
    source 6
    target 17
    key 0
    weight -1
  ]
  edge [
    source 7
    target 8
    key 0
    weight 1
  ]
  edge [
    source 7
    target 9
    key 0
    weight 1
  ]
  edge [
    source 7
    target 10
    key 0
    weight 1
  ]
  edge [
    source 7
    target 10
    key 1
    weight -1
  ]
  edge [
    source 7
    target 12
    key 0
    weight 1
  ]
  edge [
    source 7
    target 16
    key 0
    weight -1
  ]
  edge [
    source 7
    target 17
    key 0
    weight -1
  ]
  edge [
    source 8
    target 1
    key 0
    weight 1
  ]
  edge [
    source 8
    target 6
    key 0
    weight 1
  ]
  edge [
    source 8
    target 7
    key 0
    weight 1
  ]
  edge [
    source 8
    target 9
    key 0
    weight 1
  ]
  edge [
    source 8
    target 9
    key 1
    weight -1
  ]
  edge [
    source 8
    target 10
    key 0
    weight 1
  ]
  edge [
    source 8
    target 12
    key 0
    weight 1
  ]
  edge [
    source 8
    target 12
    key 1
    weight -1
  ]
  edge [
    source 8
    target 15
    key 0
    weight 1
  ]
  edge [
    source 8
    target 15
    key 1
    weight -1
  ]
  edge [
    source 8
    target 16
    key 0
    weight 1
  ]
  edge [
    source 8
    target 0
    key 0
    weight -1
  ]
  edge [
    source 8
    target 5
    key 0
    weight -1
  ]
  edge [
    source 8
    target 13
    key 0
    weight -1
  ]
  edge [
    source 8
    target 17
    key 0
    weight -1
  ]
  edge [
    source 9
    target 1
    key 0
    weight 1
  ]
  edge [
    source 9
    target 6
    key 0
    weight 1
  ]
  edge [
    source 9
    target 6
    key 1
    weight -1
  ]
  edge [
    source 9
    target 7
    key 0
    weight 1
  ]
  edge [
    source 9
    target 8
    key 0
    weight 1
  ]
  edge [
    source 9
    target 12
    key 0
    weight 1
  ]
  edge [
    source 9
    target 4
    key 0
    weight -1
  ]
  edge [
    source 9
    target 14
    key 0
    weight -1
  ]
  edge [
    source 9
    target 15
    key 0
    weight -1
  ]
  edge [
    source 10
    target 7
    key 0
    weight 1
  ]
  edge [
    source 10
    target 8
    key 0
    weight 1
  ]
  edge [
    source 10
    target 9
    key 0
    weight 1
  ]
  edge [
    source 10
    target 11
    key 0
    weight 1
  ]
  edge [
    source 10
    target 13
    key 0
    weight 1
  ]
  edge [
    source 10
    target 4
    key 0
    weight -1
  ]
  edge [
    source 10
    target 5
    key 0
    weight -1
  ]
  edge [
    source 10
    target 6
    key 0
    weight -1
  ]
  edge [
    source 10
    target 14
    key 0
    weight -1
  ]
  edge [
    source 10
    target 15
    key 0
    weight -1
  ]
  edge [
    source 10
    target 16
    key 0
    weight -1
  ]
  edge [
    source 10
    target 17
    key 0
    weight -1
  ]
  edge [
    source 11
    target 7
    key 0
    weight 1
  ]
  edge [
    source 11
    target 8
    key 0
    weight 1
  ]
  edge [
    source 11
    target 9
    key 0
    weight 1
  ]
  edge [
    source 11
    target 10
    key 0
    weight 1
  ]
  edge [
    source 11
    target 12
    key 0
    weight 1
  ]
  edge [
    source 11
    target 4
    key 0
    weight -1
  ]
  edge [
    source 11
    target 5
    key 0
    weight -1
  ]
  edge [
    source 11
    target 14
    key 0
    weight -1
  ]
  edge [
    source 11
    target 15
    key 0
    weight -1
  ]
  edge [
    source 11
    target 16
    key 0
    weight -1
  ]
  edge [
    source 11
    target 17
    key 0
    weight -1
  ]
  edge [
    source 12
    target 7
    key 0
    weight 1
  ]
  edge [
    source 12
    target 9
    key 0
    weight 1
  ]
  edge [
    source 12
    target 11
    key 0
    weight 1
  ]
  edge [
    source 12
    target 13
    key 0
    weight 1
  ]
  edge [
    source 12
    target 3
    key 0
    weight -1
  ]
  edge [
    source 12
    target 4
    key 0
    weight -1
  ]
  edge [
    source 12
    target 6
    key 0
    weight -1
  ]
  edge [
    source 12
    target 15
    key 0
    weight -1
  ]
  edge [
    source 12
    target 16
    key 0
    weight -1
  ]
  edge [
    source 13
    target 7
    key 0
    weight 1
  ]
  edge [
    source 13
    target 9
    key 0
    weight 1
  ]
  edge [
    source 13
    target 11
    key 0
    weight 1
  ]
  edge [
    source 13
    target 12
    key 0
    weight 1
  ]
  edge [
    source 13
    target 4
    key 0
    weight -1
  ]
  edge [
    source 13
    target 5
    key 0
    weight -1
  ]
  edge [
    source 13
    target 14
    key 0
    weight -1
  ]
  edge [
    source 13
    target 15
    key 0
    weight -1
  ]
  edge [
    source 13
    target 16
    key 0
    weight -1
  ]
  edge [
    source 13
    target 17
    key 0
    weight -1
  ]
  edge [
    source 14
    target 1
    key 0
    weight 1
  ]
  edge [
    source 14
    target 5
    key 0
    weight 1
  ]
  edge [
    source 14
    target 12
    key 0
    weight 1
  ]
  edge [
    source 14
    target 17
    key 0
    weight 1
  ]
  edge [
    source 14
    target 17
    key 1
    weight -1
  ]
  edge [
    source 14
    target 3
    key 0
    weight -1
  ]
  edge [
    source 14
    target 7
    key 0
    weight -1
  ]
  edge [
    source 14
    target 9
    key 0
    weight -1
  ]
  edge [
    source 14
    target 15
    key 0
    weight -1
  ]
  edge [
    source 14
    target 16
    key 0
    weight -1
  ]
  edge [
    source 15
    target 8
    key 0
    weight 1
  ]
  edge [
    source 15
    target 14
    key 0
    weight 1
  ]
  edge [
    source 15
    target 16
    key 0
    weight 1
  ]
  edge [
    source 15
    target 17
    key 0
    weight 1
  ]
  edge [
    source 15
    target 3
    key 0
    weight -1
  ]
  edge [
    source 15
    target 4
    key 0
    weight -1
  ]
  edge [
    source 15
    target 9
    key 0
    weight -1
  ]
  edge [
    source 15
    target 10
    key 0
    weight -1
  ]
  edge [
    source 15
    target 13
    key 0
    weight -1
  ]
  edge [
    source 16
    target 9
    key 0
    weight 1
  ]
  edge [
    source 16
    target 14
    key 0
    weight 1
  ]
  edge [
    source 16
    target 15
    key 0
    weight 1
  ]
  edge [
    source 16
    target 17
    key 0
    weight 1
  ]
  edge [
    source 16
    target 3
    key 0
    weight -1
  ]
  edge [
    source 16
    target 4
    key 0
    weight -1
  ]
  edge [
    source 16
    target 6
    key 0
    weight -1
  ]
  edge [
    source 17
    target 8
    key 0
    weight 1
  ]
  edge [
    source 17
    target 9
    key 0
    weight 1
  ]
  edge [
    source 17
    target 15
    key 0
    weight 1
  ]
  edge [
    source 17
    target 16
    key 0
    weight 1
  ]
  edge [
    source 17
    target 0
    key 0
    weight -1
  ]
  edge [
    source 17
    target 3
    key 0
    weight -1
  ]
  edge [
    source 17
    target 4
    key 0
    weight -1
  ]
  edge [
    source 17
    target 5
    key 0
    weight -1
  ]
  edge [
    source 17
    target 6
    key 0
    weight -1
  ]
]
