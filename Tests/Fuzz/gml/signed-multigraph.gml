Creator "igraph"
Version 1
graph
[
  directed 1
  multigraph 1
  node [ id 0 label "A &amp; B" graphics [ x 1.5 y -2e3 ] ]
  node [ id 1 label "C" score 1.5E3 note "&#233;t&#xE9;" ]
  edge [ source 0 target 1 weight -2 key "e" ]
  edge [ source 1 target 0 weight 1.5 directed 0 ]
]
